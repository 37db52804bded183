import Foundation

/// A permission catalog in the shape of Microsoft's published one (`permissions.json`: each
/// permission with its schemes and the paths it grants, lower-case with `{id}` placeholders).
public struct PermissionCatalog: Sendable {
    /// Every permission name, as the catalog spells it.
    public let names: Set<String>
    /// The schemes each permission is published for.
    public let schemes: [String: Set<SchemeKind>]
    private let byRoute: [RouteShape: [SchemeKind: Set<String>]]
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
        var schemesOfName: [String: Set<SchemeKind>] = [:]
        for (name, permission) in permissions {
            schemesOfName[name] = Set((permission["schemes"]?.objectValue ?? [:]).keys.compactMap { schemeKinds[$0] })
            for pathSet in permission["pathSets"]?.arrayValue ?? [] {
                let schemes = (pathSet["schemeKeys"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { schemeKinds[$0] } }
                for method in (pathSet["methods"]?.arrayValue ?? []).compactMap(\.stringValue) {
                    for path in pathSet["paths"]?.objectValue.keys ?? [:].keys {
                        let shape = RouteShape(method: method, path: Self.clean(path))
                        for scheme in schemes { byRoute[shape, default: [:]][scheme, default: []].insert(name) }
                    }
                }
            }
        }
        self.names = Set(permissions.keys)
        self.schemes = schemesOfName
        self.byRoute = byRoute
        self.suggester = PermissionNameSuggester(known: names)
    }

    /// The permissions the catalog lists for a route, per scheme; nil when it does not know the route.
    public func permissions(method: String, path: String) -> [SchemeKind: Set<String>]? {
        byRoute[RouteShape(method: method, path: Self.clean(path))]
    }

    public var routeCount: Int { byRoute.count }

    private static func clean(_ path: String) -> String {
        var p = Substring(path)
        if let q = p.firstIndex(of: "?") { p = p[..<q] }
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }
}
