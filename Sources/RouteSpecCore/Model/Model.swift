/// The normalized, language-independent route and permission model (schema version 1).
/// Field names are a contract read by other tools: extend, never rename or drop.
public struct Model: Sendable {
    public static let schemaVersion = 1
    public var operations: [APIOperation]
    public var diagnostics: [Diagnostic]

    public init(operations: [APIOperation], diagnostics: [Diagnostic]) {
        self.operations = operations
        self.diagnostics = diagnostics
    }
}

public struct APIOperation: Sendable {
    /// Unique and stable across runs and translations: `<version>/<page path>` or `<version>/#<title anchor>`.
    public var id: String
    public var apiVersion: ApiVersion
    public var name: String
    /// The title as written on the newest source page.
    public var title: String?
    public var routes: [Route]
    public var permissions: PermissionSet?
    /// When the requirement depends on the request (the kind of member added, the resource
    /// subscribed to) rather than the route: one permission set per condition, and no `permissions`.
    public var permissionVariants: [PermissionVariant] = []
    /// Every permission table, with its heading, when the page has more than one.
    public var permissionTables: [PermissionTable]
    public var responses: [Response]
    public var sources: [Source]
    /// What the request takes beyond its route; nil when the page says nothing of it.
    public var request: RequestShape? = nil
    /// What the success response holds, when the page names it.
    public var responseBody: ResponseBody? = nil
}

/// The headers a page's Request headers table names, whether a body is sent (nil: not said),
/// and the OData query options the page mentions.
public struct RequestShape: Sendable, Hashable {
    public var headers: [RequestHeader]
    public var body: Bool?
    public var queryOptions: [String]
}

public struct RequestHeader: Sendable, Hashable {
    public var name: String
    public var required: Bool
}

/// The resource the success response holds (`user`, from its link to `../resources/user.md`),
/// and whether it is a collection (the example response has `"value": [`).
public struct ResponseBody: Sendable, Hashable {
    public var resource: String?
    public var collection: Bool?
}

public struct Route: Sendable {
    public var method: String
    public var path: String
    public var parameters: [RouteParameter]
    /// Only where it differs from the operation's.
    public var permissions: PermissionSet?
    /// As the operation's, for this route only (its other routes are told apart by their tables).
    public var permissionVariants: [PermissionVariant] = []
    /// Line of the route in the primary (newest) source.
    public var line: Int
}

public struct PermissionTable: Sendable {
    public var heading: String?
    public var anchor: String?
    public var audience: String?
    public var line: Int
    public var permissions: PermissionSet
}

public struct Response: Sendable, Hashable {
    public var status: Int
    /// Where the code was found: `prose` (the Response section) and/or `example`.
    public var foundIn: [String]
}

public struct Source: Sendable {
    public var path: String
    public var locale: String
    public var line: Int
    public var date: String?
    /// The newest source, whose facts the operation carries.
    public var primary: Bool
}

/// What a route needs under one condition: `condition` is nil for a plain requirement,
/// `permissions` nil where the docs say nothing.
public struct Requirement: Sendable, Hashable {
    public var condition: String?
    public var permissions: PermissionSet?
}

extension APIOperation {
    /// A route's requirements: its own permissions or variants, else the operation's; one per
    /// variant, or one without a condition.
    public func requirements(of route: Route) -> [Requirement] {
        if !route.permissionVariants.isEmpty { return route.permissionVariants.map { Requirement(condition: $0.condition, permissions: $0.permissions) } }
        if let own = route.permissions { return [Requirement(condition: nil, permissions: own)] }
        if !permissionVariants.isEmpty { return permissionVariants.map { Requirement(condition: $0.condition, permissions: $0.permissions) } }
        return [Requirement(condition: nil, permissions: permissions)]
    }
}
