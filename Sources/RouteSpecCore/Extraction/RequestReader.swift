/// What a client needs to build a call beyond its route, read language-independently where it
/// can be: the headers the Request headers table names (ASCII header names; translated names,
/// such as a translated `Authorization`, are passed over), whether a body is sent, the OData
/// query options the page mentions, and the resource the response holds.
enum RequestReader {
    /// A header table row: its name when the first cell is a header name, and whether the row
    /// says it is required (in any language, optional words winning over required ones).
    static func header(_ row: Table.Row) -> RequestHeaderFact? {
        guard let first = row.cells.first else { return nil }
        // Most cells are a bare name already; only others need their markup removed.
        let bare = first.utf8.allSatisfy { ASCII.isAlphanumeric($0) || $0 == ASCII.dash || $0 == ASCII.space }
        var name = (bare ? first : InlineText.plain(first)).trimmingSpaces
        if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]).trimmingSpaces }
        guard !name.isEmpty, name.utf8.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == ASCII.dash }),
              name.utf8.contains(where: ASCII.isLetter), looksLikeAHeader(name) else { return nil }
        let rest = Array(row.cells.dropFirst().joined(separator: " ").lowercased().utf8)
        let required = rest.withSpan { hay in
            let optional = optionalWords.contains { TextSearch.find($0, in: hay) != nil }
            return !optional && requiredWords.contains { TextSearch.find($0, in: hay) != nil }
        }
        return RequestHeaderFact(name: name, required: required, line: row.line)
    }

    /// A header name, not a word translated in its place (`Aceitar` for `Accept`): hyphenated or
    /// camel-cased, or one of the one-word headers Graph pages name.
    static func looksLikeAHeader(_ name: String) -> Bool {
        name.contains("-") || name.dropFirst().contains(where: \.isUppercase) || oneWordHeaders.contains(name.lowercased())
    }

    private static let oneWordHeaders: Set<String> = ["accept", "authorization", "prefer", "host", "range", "expect", "origin", "cookie", "date", "location"]

    private static let optionalWords = Lexicon.all(\.optionalWords).map { Array($0.utf8) }
    private static let requiredWords = Lexicon.all(\.requiredWords).map { Array($0.utf8) }

    static let queryOptions = ["$select", "$filter", "$expand", "$orderby", "$top", "$skip", "$search", "$count", "$format", "$skiptoken"]

    /// The OData system query options the page's text names, in `queryOptions` order: one pass
    /// over the bytes, reading the letters after each `$`.
    static func queryOptionsMentioned(in bytes: [UInt8]) -> [String] {
        var found = Set<String>()
        bytes.withSpan { p in
            var i = 0
            while let dollar = TextSearch.find([ASCII.dollar], in: p.extracting(i..<p.count)).map({ $0 + i }) {
                var end = dollar + 1
                while end < p.count, ASCII.isAlphanumeric(p[end]) { end += 1 }
                if end - dollar >= 4 && end - dollar <= 10 {
                    let word = "$" + String(decoding: (dollar + 1..<end).map { ASCII.lower(p[$0]) }, as: UTF8.self)
                    if optionSet.contains(word) { found.insert(word) }
                }
                i = end
            }
        }
        return queryOptions.filter(found.contains)
    }

    private static let optionSet = Set(queryOptions)

    /// Whether a line links to a resource page at all (asked on bytes before a string is made).
    static func mayLinkResource(_ line: Span<UInt8>) -> Bool { TextSearch.find(resourcesFolder, in: line) != nil }

    private static let resourcesFolder = Array("/resources/".utf8)

    /// `[user](../resources/user.md)` → `user`: the first resource page a line links to.
    static func resourceLink(_ line: String) -> String? {
        guard let marker = line.utf8Range(of: "/resources/") else { return nil }
        let rest = line[marker.upperBound...]
        guard let end = rest.firstIndex(where: { $0 == ")" || $0 == "#" || $0 == " " }) ?? Optional(rest.endIndex),
              rest[..<end].hasSuffix(".md") else { return nil }
        let stem = rest[..<end].dropLast(3)
        return stem.isEmpty || stem.contains("/") ? nil : String(stem)
    }

    /// Whether an example response's body is a collection (`"value": [`); nil when it holds no JSON.
    static func isCollection(json body: Span<UInt8>) -> Bool? {
        guard body.contains(UInt8(ascii: "{")) else { return nil }
        guard let value = TextSearch.find(valueKey, in: body) else { return false }
        var i = value + valueKey.count
        while i < body.count, body[i] == ASCII.space || body[i] == UInt8(ascii: ":") || body[i] == ASCII.tab || body[i] == ASCII.newline || body[i] == ASCII.carriageReturn { i += 1 }
        return i < body.count && body[i] == UInt8(ascii: "[")
    }

    private static let valueKey = Array("\"value\"".utf8)

    /// Whether a line, past its spaces, opens a JSON object or array.
    static func startsJSON(_ line: Span<UInt8>) -> Bool {
        var i = 0
        while i < line.count, line[i] == ASCII.space || line[i] == ASCII.tab { i += 1 }
        return i < line.count && (line[i] == UInt8(ascii: "{") || line[i] == UInt8(ascii: "["))
    }
}

struct RequestHeaderFact: Sendable, Hashable {
    var name: String
    var required: Bool
    var line: Int
}

/// The request and response facts of one page.
struct RequestFacts: Sendable {
    var headers: [RequestHeaderFact] = []
    /// Whether the Request body section shows a body (a table or code); nil without one.
    var bodyInSection: Bool?
    /// Whether an example request sends a body (a JSON line after the request line).
    var bodyInExample = false
    var queryOptions: [String] = []
    var responseResource: String?
    /// Whether the example responses hold a collection; nil without example responses.
    var responseCollection: Bool?
}
