import Foundation

/// The OData system query options of a request, percent-encoded as Graph reads them:
/// `GraphQuery(select: ["id", "displayName"], top: 5)` → `?$select=id,displayName&$top=5`.
public struct GraphQuery: Sendable, Hashable {
    public var select: [String]
    public var filter: String?
    public var expand: [String]
    public var orderBy: [String]
    public var top: Int?
    public var skip: Int?
    /// Sent quoted, as `$search` requires: `"displayName:wa"`.
    public var search: String?
    public var count: Bool?
    /// Other parameters (`$skiptoken`, function parameters), added as given, in order.
    public var extra: [(name: String, value: String)]

    public init(select: [String] = [], filter: String? = nil, expand: [String] = [], orderBy: [String] = [], top: Int? = nil,
                skip: Int? = nil, search: String? = nil, count: Bool? = nil, extra: [(name: String, value: String)] = []) {
        self.select = select
        self.filter = filter
        self.expand = expand
        self.orderBy = orderBy
        self.top = top
        self.skip = skip
        self.search = search
        self.count = count
        self.extra = extra
    }

    public var isEmpty: Bool { items.isEmpty }

    /// `$search` and `$count` on directory objects need `ConsistencyLevel: eventual`.
    public var needsEventualConsistency: Bool { search != nil || count == true }

    /// The query string, with its leading `?`; empty without options.
    public var encoded: String {
        let parts = items.map { Self.escape($0.name) + "=" + Self.escape($0.value) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    private var items: [(name: String, value: String)] {
        var items: [(String, String)] = []
        if !select.isEmpty { items.append(("$select", select.joined(separator: ","))) }
        if let filter { items.append(("$filter", filter)) }
        if !expand.isEmpty { items.append(("$expand", expand.joined(separator: ","))) }
        if !orderBy.isEmpty { items.append(("$orderby", orderBy.joined(separator: ","))) }
        if let top { items.append(("$top", String(top))) }
        if let skip { items.append(("$skip", String(skip))) }
        if let search { items.append(("$search", "\"" + search + "\"")) }
        if let count { items.append(("$count", count ? "true" : "false")) }
        return items + extra
    }

    /// Unreserved characters and `$ , ( ) ' : /` stay (Graph reads them literally); everything
    /// else, `&`, `=`, `+`, `#`, spaces and non-ASCII text included, is percent-encoded.
    static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    private static let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~$,()':/")

    public static func == (a: GraphQuery, b: GraphQuery) -> Bool { a.encoded == b.encoded }
    public func hash(into hasher: inout Hasher) { hasher.combine(encoded) }
}
