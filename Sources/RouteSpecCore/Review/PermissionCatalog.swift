import Foundation

/// A permission catalog in the shape of Microsoft's published one (`permissions.json`: each
/// permission with its schemes and the paths it grants, lower-case with `{id}` placeholders).
public struct PermissionCatalog: Sendable {
    /// Every permission name, as the catalog spells it.
    public let names: Set<String>
    /// The schemes each permission is published for.
    public let schemes: [String: Set<SchemeKind>]
    private let byRoute: [RouteShape: [SchemeKind: Set<String>]]
    /// Per route and scheme, the names the catalog marks least privileged (`least=DelegatedWork,…`).
    private let leastByRoute: [RouteShape: [SchemeKind: Set<String>]]
    let suggester: PermissionNameSuggester

    public static func load(path: String) throws -> PermissionCatalog {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelReader.Failure(description: "cannot read the permission catalog \(path)")
        }
        return try PermissionCatalog(json: JSONParser.parse([UInt8](data)))
    }

    public init(json: JSONValue) throws {
        guard case .object(let permissions)? = json["permissions"] else {
            throw ModelReader.Failure(description: "not a permission catalog (no 'permissions' object)")
        }
        let schemeKinds: [String: SchemeKind] = ["DelegatedWork": .delegatedWork, "DelegatedPersonal": .delegatedPersonal,
                                                 "Application": .application]
        var byRoute: [RouteShape: [SchemeKind: Set<String>]] = [:]
        var leastByRoute: [RouteShape: [SchemeKind: Set<String>]] = [:]
        var schemesOfName: [String: Set<SchemeKind>] = [:]
        for (name, permission) in permissions {
            schemesOfName[name] = Set((permission["schemes"]?.objectValue ?? [:]).keys.compactMap { schemeKinds[$0] })
            for pathSet in permission["pathSets"]?.arrayValue ?? [] {
                let schemes = (pathSet["schemeKeys"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { schemeKinds[$0] } }
                for method in (pathSet["methods"]?.arrayValue ?? []).compactMap(\.stringValue) {
                    for (path, marks) in pathSet["paths"]?.objectValue ?? [:] {
                        let shape = RouteShape(method: method, path: Self.clean(path))
                        for scheme in schemes { byRoute[shape, default: [:]][scheme, default: []].insert(name) }
                        let least = (marks.stringValue ?? "").split(separator: ";").first { $0.hasPrefix("least=") }?.dropFirst(6)
                        for key in least?.split(separator: ",") ?? [] {
                            if let scheme = schemeKinds[String(key)] { leastByRoute[shape, default: [:]][scheme, default: []].insert(name) }
                        }
                    }
                }
            }
        }
        self.names = Set(permissions.keys)
        self.schemes = schemesOfName
        self.byRoute = byRoute
        self.leastByRoute = leastByRoute
        self.suggester = PermissionNameSuggester(known: names)
    }

    /// The permissions the catalog lists for a route, per scheme; nil when it does not know the route.
    public func permissions(method: String, path: String) -> [SchemeKind: Set<String>]? {
        byRoute[RouteShape(method: method, path: Self.clean(path))]
    }

    public var routeCount: Int { byRoute.count }

    /// A route's requirement as the catalog states it: per scheme it lists, the names it marks
    /// least privileged, then the others (by name); nil when it does not know the route.
    public func requirement(method: String, path: String) -> PermissionSet? {
        let shape = RouteShape(method: method, path: Self.clean(path))
        guard let all = byRoute[shape] else { return nil }
        var set = PermissionSet()
        for (kind, names) in all {
            let least = leastByRoute[shape]?[kind] ?? []
            set[kind] = Scheme(supported: true, leastPrivileged: least.sorted(), higherPrivileged: names.subtracting(least).sorted())
        }
        set.from = "catalog"
        return set
    }

    private static func clean(_ path: String) -> String {
        var p = Substring(path)
        if let q = p.firstIndex(of: "?") { p = p[..<q] }
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }
}
