/// The descriptors of one generated route group, read once from its rows (`RouteRow`). A class:
/// every route value refers to its table, and a reference is one word.
public final class RouteTable: Sendable {
    public let descriptors: [RouteDescriptor]
    private let byName: [String: Int]
    private let apiVersion: String

    public init(apiVersion: String, rows: [String]) {
        self.apiVersion = apiVersion
        var descriptors: [RouteDescriptor] = []
        var byName: [String: Int] = [:]
        descriptors.reserveCapacity(rows.count)
        for text in rows {
            guard let row = RouteRow(decoding: text), byName[row.name] == nil else { continue }
            let operation = OperationInfo(apiVersion: apiVersion, id: row.operationID, name: row.operationName,
                                          expectedStatuses: row.expectedStatuses, source: row.source,
                                          permissions: row.operationPermissions)
            byName[row.name] = descriptors.count
            descriptors.append(RouteDescriptor(name: row.name, operation: operation, method: row.method, template: row.template,
                                               permissions: row.routePermissions ?? row.operationPermissions, line: row.line))
        }
        self.descriptors = descriptors
        self.byName = byName
    }

    /// The route named `name` with `arguments`, if the table has it and the argument count fits.
    public func route(named name: String, arguments: [String]) -> DocumentedRoute? {
        guard let d = descriptorIfPresent(named: name), d.template.placeholders.count == arguments.count else { return nil }
        return DocumentedRoute(self, name, arguments)
    }

    public func descriptorIfPresent(named name: String) -> RouteDescriptor? {
        byName[name].map { descriptors[$0] }
    }

    /// The route's descriptor; for a name no generated function uses (a hand-made selection), an
    /// undocumented descriptor that `GraphClient` refuses to send.
    public func descriptor(named name: String) -> RouteDescriptor {
        descriptorIfPresent(named: name) ?? RouteDescriptor(
            name: name,
            operation: OperationInfo(apiVersion: apiVersion, id: "", name: "", expectedStatuses: [], source: "", permissions: .undocumented),
            method: "", template: "", permissions: .undocumented, line: 0)
    }
}
