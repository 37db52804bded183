/// What one page says, before translations are merged: every fact keeps the line it came from.
struct PageFacts: Sendable {
    var path: String
    var locale: String
    /// `YYYY-MM-DD` from `ms.date`, else `ms.lasthandoff`.
    var date: String?
    var title: String?
    var titleAnchor: String?
    var titleLine: Int = 1
    var apiVersion: ApiVersion
    /// The page's path below its `v1.0/` or `beta/` folder, when it sits in a docs tree.
    var mirrorKey: String?
    var routes: [RouteFact] = []
    var permissionTables: [PermissionTableFact] = []
    var responses: [ResponseFact] = []
    var diagnostics: [Diagnostic] = []
    /// The page holds an HTTP request section (or route blocks where one would be).
    var hasRequestSection = false
    var request = RequestFacts()
}

public enum ApiVersion: String, Sendable, Comparable, CaseIterable {
    case v1 = "v1.0"
    case beta = "beta"

    public static func < (a: ApiVersion, b: ApiVersion) -> Bool { a.rawValue > b.rawValue }  // v1.0 before beta
}

public struct RouteParameter: Sendable, Hashable {
    public var name: String
    /// The names the docs offer for this value (`{id | userPrincipalName}`), when more than one.
    public var alternatives: [String]
}

struct RouteFact: Sendable {
    var method: String
    var path: String
    var parameters: [RouteParameter]
    var line: Int
    /// Headings between the HTTP request section and the route, innermost last.
    var headings: [HeadingRef]
    /// The prose line introducing the route's block ("To update … in entitlement management:").
    var context: String? = nil
}

struct HeadingRef: Sendable, Hashable {
    var anchor: String?
    var text: String
    var line: Int
}

struct PermissionTableFact: Sendable {
    var permissions: PermissionSet
    var line: Int
    /// The subheading the table sits under inside the permissions section, if any.
    var heading: HeadingRef?
    /// For tables split by audience: "self" or "others".
    var audience: String?
    /// One row of a resource × scheme matrix: it governs a resource, not the page's routes.
    var isMatrixRow = false
}

struct ResponseFact: Sendable, Hashable {
    enum Origin: String, Sendable { case prose, example }
    var status: Int
    var origin: Origin
    var line: Int
}
