import RouteSpecShared

/// One route group as Swift: a caseless enum with a static function per route, each returning a
/// `DocumentedRoute` that names its row in the group's route table.
struct RouteGroupBuilder {
    let group: RouteGroup
    let version: ApiVersion

    private var namespace: SwiftName { GeneratedNames.versionNamespace(version) }
    private var typeName: SwiftName { group.path.last! }
    /// The type's full spelling from outside: `GraphV1.Users.ManagedDevices`.
    var qualifiedType: SwiftType { SwiftType(text: ([namespace] + group.path).map(\.text).joined(separator: ".")) }
    /// Where the enum is declared: `GraphV1` or `GraphV1.Users`.
    var enclosingType: SwiftType { SwiftType(text: ([namespace] + group.path.dropLast()).map(\.text).joined(separator: ".")) }

    static let table = SwiftName(verbatim: "table")
    private static let documentedRoute = SwiftName(verbatim: "DocumentedRoute")

    func typeDecl() -> SwiftDecl {
        var members: [SwiftDecl] = []
        // An operation's routes share its permissions' lines (most of a route's documentation).
        var operationPermissionDoc: [Int: [String]] = [:]
        for r in group.routes {
            let labels = GeneratedNames.parameterLabels(r.route)
            let make = SwiftExpr.call(.name(Self.documentedRoute), [
                SwiftArgument(nil, .name(Self.table)),
                SwiftArgument(nil, .string(r.function.text.trimmingCharacters(in: "`"))),
                SwiftArgument(nil, .array(labels.map { .name($0) }, multiline: false)),
            ])
            members.append(.staticFunction(doc: routeDoc(r, operationPermissionDoc: &operationPermissionDoc), name: r.function,
                                           parameters: labels.map { SwiftParameter(label: $0, name: $0, type: .string) },
                                           returns: .fixed("DocumentedRoute"), body: [.returnValue(make)]))
        }
        // A parent group with no routes of its own is only a namespace.
        if !group.routes.isEmpty { members.append(.staticLet(
            doc: SwiftDoc(["The routes above, one row each (`RouteRow`): method, path, operation, statuses, source, permissions."]),
            name: Self.table, type: .fixed("RouteTable"),
            value: .call(.name(SwiftName(verbatim: "RouteTable")), [
                SwiftArgument(SwiftName(verbatim: "apiVersion"), .string(version.rawValue)),
                SwiftArgument(SwiftName(verbatim: "rows"), .array(group.routes.map { .string(row($0).encoded) }, multiline: true)),
            ]))) }
        let count = group.routes.count
        let doc = SwiftDoc(["Routes under `\(group.prefix)` (\(version.rawValue)): \(count == 0 ? "none selected directly" : "\(count) route\(count == 1 ? "" : "s")")."])
        return .enumDecl(doc: doc, name: typeName, conformances: [], members: members)
    }

    // MARK: Rows

    private func row(_ r: GroupRoute) -> RouteRow {
        let primary = r.op.sources.first(where: \.primary) ?? r.op.sources.first
        return RouteRow(name: r.function.text.trimmingCharacters(in: "`"), method: r.route.method, template: r.route.path,
                        line: r.route.line, operationID: r.op.id, operationName: r.op.name,
                        expectedStatuses: r.op.responses.map(\.status), source: primary?.path ?? "",
                        operationPermissions: Self.runtime(r.op.permissions), routePermissions: r.route.permissions.map(Self.runtime))
    }

    static func runtime(_ set: PermissionSet?) -> RoutePermissions {
        guard let set else { return .undocumented }
        func requirement(_ s: Scheme?) -> PermissionRequirement? {
            guard let s else { return nil }
            guard s.supported else { return .unsupported }
            let names = { (list: [String]) in list.map(GraphPermission.init(rawValue:)) }
            return PermissionRequirement(leastPrivileged: names(s.leastPrivileged), higherPrivileged: names(s.higherPrivileged),
                                         combinations: s.combinations.map(names), noPermissionRequired: s.noPermissionRequired,
                                         unparsed: s.unparsed)
        }
        return RoutePermissions(delegatedWork: requirement(set.delegatedWork), delegatedPersonal: requirement(set.delegatedPersonal),
                                application: requirement(set.application))
    }

    // MARK: Documentation

    private func routeDoc(_ r: GroupRoute, operationPermissionDoc: inout [Int: [String]]) -> SwiftDoc {
        let op = r.op, route = r.route
        var lines: [String] = []
        lines.reserveCapacity(12)
        lines += [op.title ?? op.name, "", "`\(route.method) \(route.path)`",
                  "- Operation: `\(op.name)` (`\(op.id)`)", route.permissions == nil ? "- Permissions:" : "- Permissions (this route):"]
        if let own = route.permissions {
            lines += permissionDoc(own)
        } else if let known = operationPermissionDoc[r.opIndex] {
            lines += known
        } else {
            let made = permissionDoc(op.permissions)
            operationPermissionDoc[r.opIndex] = made
            lines += made
        }
        lines += statusDoc(op)
        let primary = op.sources.first(where: \.primary) ?? op.sources.first
        var source = "- Source: \(primary?.path ?? ""):\(route.line)"
        let others = op.sources.filter { $0.path != primary?.path }.map(\.path)
        if !others.isEmpty { source += " (also " + others.joined(separator: ", ") + ")" }
        lines.append(source)
        return SwiftDoc(lines)
    }

    private func statusDoc(_ op: APIOperation) -> [String] {
        op.responses.isEmpty ? ["- Status: not documented (any 2xx is accepted)."]
            : op.responses.count == 1 ? ["- Status: \(op.responses[0].status)"]
            : ["- Status: " + op.responses.map { String($0.status) }.joined(separator: ", ")]
    }

    private static let schemeLabels: [SchemeKind: String] = [
        .delegatedWork: "Delegated (work or school)", .delegatedPersonal: "Delegated (personal)", .application: "Application",
    ]

    /// The permission lines of a route's documentation, indented under "- Permissions:". Each
    /// line is put together as bytes: every route of the corpus has three.
    private func permissionDoc(_ set: PermissionSet?) -> [String] {
        guard let set else { return ["  - not documented"] }
        return SchemeKind.allCases.map { kind in
            let label = Self.schemeLabels[kind]!
            guard let s = set[kind] else { return "  - \(label): not documented" }
            guard s.supported else { return "  - \(label): not supported" }
            if s.noPermissionRequired { return "  - \(label): no permission needed" }
            var text: [UInt8] = []
            text.reserveCapacity(128)
            text.append(contentsOf: "  - ".utf8)
            text.append(contentsOf: label.utf8)
            text.append(contentsOf: ": least privileged ".utf8)
            if s.leastPrivileged.isEmpty {
                text.append(contentsOf: "none".utf8)
            } else {
                Self.appendCodeList(s.leastPrivileged, separator: s.combinations.contains(s.leastPrivileged) ? " + " : ", ", to: &text)
            }
            if !s.higherPrivileged.isEmpty {
                text.append(contentsOf: "; higher ".utf8)
                Self.appendCodeList(s.higherPrivileged, separator: ", ", to: &text)
            }
            if !s.unparsed.isEmpty {
                text.append(contentsOf: "; unreadable in the docs: ".utf8)
                for (i, u) in s.unparsed.enumerated() {
                    if i > 0 { text.append(contentsOf: " | ".utf8) }
                    text.append(contentsOf: u.utf8)
                }
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// `` `a`, `b` `` (with `separator` between).
    private static func appendCodeList(_ names: [String], separator: StaticString, to text: inout [UInt8]) {
        for (i, name) in names.enumerated() {
            if i > 0 { text.append(contentsOf: UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)) }
            text.append(ASCII.backtick)
            text.append(contentsOf: name.utf8)
            text.append(ASCII.backtick)
        }
    }
}
