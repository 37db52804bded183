/// Pages with several permission tables (one per resource, or "acting on self" vs "on others")
/// keep each table with the routes it governs: a table's heading words are matched against the
/// resource segments of each route, nearest the end of the path first.
enum RouteTableMatcher {
    struct Assignment {
        var operation: PermissionSet?
        /// Route index → its permissions, only where they differ from the operation's.
        var routes: [Int: PermissionSet]
        var unmatchedRoutes: [Int]
    }

    static func assign(tables: [PermissionTableFact], routes: [RouteFact]) -> Assignment {
        guard let first = tables.first else { return Assignment(operation: nil, routes: [:], unmatchedRoutes: []) }
        if tables.count == 1 { return Assignment(operation: first.permissions, routes: [:], unmatchedRoutes: []) }
        let keywords = tables.map(Self.keywords)
        var counts: [String: Int] = [:]
        for k in keywords { for w in k { counts[w, default: 0] += 1 } }
        let distinctive = keywords.map { $0.filter { counts[$0] == 1 } }
        var tableOfRoute: [Int: Int] = [:]
        for (ri, route) in routes.enumerated() {
            if let t = match(route, distinctive) { tableOfRoute[ri] = t }
        }
        // A route no table can be tied to gets no permissions rather than a guess: a wrong
        // permission set is worse than an unknown one. Every table stays in `permissionTables`.
        let unmatched = routes.indices.filter { tableOfRoute[$0] == nil }
        guard unmatched.isEmpty else {
            var perRoute: [Int: PermissionSet] = [:]
            for (ri, t) in tableOfRoute { perRoute[ri] = tables[t].permissions }
            return Assignment(operation: nil, routes: perRoute, unmatchedRoutes: unmatched)
        }
        // The operation carries the table that governs most routes; ties go to the earlier table.
        var governed = Array(repeating: 0, count: tables.count)
        for t in tableOfRoute.values { governed[t] += 1 }
        let main = governed.indices.max { (governed[$0], -$0) < (governed[$1], -$1) }!
        var perRoute: [Int: PermissionSet] = [:]
        for (ri, t) in tableOfRoute where tables[t].permissions != tables[main].permissions {
            perRoute[ri] = tables[t].permissions
        }
        return Assignment(operation: tables[main].permissions, routes: perRoute, unmatchedRoutes: [])
    }

    static func keywords(_ table: PermissionTableFact) -> Set<String> {
        var words: Set<String> = []
        if let audience = table.audience {
            words.formUnion(audience == "self" ? ["self", "me"] : ["others", "other", "user"])
        }
        if let h = table.heading {
            for word in Words.of((h.anchor ?? "") + " " + h.text) {
                words.insert(word)
                if word == "self" { words.insert("me") }
                if word == "other" { words.insert("user") }
            }
        }
        return words
    }

    /// Tries the route's own words, nearest the end of the path first, then the words of the
    /// prose and headings that introduce its block.
    private static func match(_ route: RouteFact, _ distinctive: [Set<String>]) -> Int? {
        for candidates in routeWords(route) {
            let hits = Set(distinctive.indices.filter { !distinctive[$0].isDisjoint(with: candidates) })
            if hits.count == 1 { return hits.first }
        }
        let context = Set(([route.context ?? ""] + route.headings.map { $0.anchor ?? $0.text }).flatMap(Words.of))
        let hits = distinctive.indices.filter { !distinctive[$0].isDisjoint(with: context) }
        return hits.count == 1 ? hits[0] : nil
    }

    /// `text.hasPrefix(prefix)`, on bytes when both are ASCII (as path segments nearly always are).
    private static func hasPrefix(_ text: Substring, _ prefix: String) -> Bool {
        let asciiOnly = text.utf8.allSatisfy { $0 < 0x80 } && prefix.utf8.allSatisfy { $0 < 0x80 }
        return asciiOnly ? text.utf8.starts(with: prefix.utf8) : text.hasPrefix(prefix)
    }

    /// Word groups from the end of the path: each segment (singular, and joined with the one
    /// before it: `outlook/tasks` → `outlooktask`), its camel-case parts, and placeholder words
    /// (`{client-serviceprincipal-id}` → `client`, `serviceprincipal`).
    static func routeWords(_ route: RouteFact) -> [Set<String>] {
        wordGroups(route.path)
    }

    private static func wordGroups(_ path: String) -> [Set<String>] {
        let fullSegments = path.split(asciiSeparator: ASCII.slash)
        let segments = fullSegments.map { segment -> String in
            String(segment.split(asciiSeparator: ASCII.openParen).first ?? segment)
        }
        var groups: [Set<String>] = []
        var previous: String? = nil
        var perSegment: [Set<String>] = []
        for segment in segments {
            var words: Set<String> = []
            // Placeholders inside keys and function arguments: `servicePrincipals(appId='{client-appId}')`.
            let full = segment.hasPrefix("{") ? nil : fullSegments.first(where: { $0.has("{") && Self.hasPrefix($0, segment) })
            if let full { words.formUnion(Words.of(String(full.drop(while: { $0 != "(" }))).filter { $0 != "id" && $0 != "appid" }) }
            if segment.hasPrefix("{") {
                words.formUnion(Words.of(segment).filter { $0 != "id" })
                previous = nil
            } else {
                let whole = PlaceholderRewriter.singular(segment.lowercased())
                words.insert(whole)
                if let previous { words.insert(previous + whole) }
                previous = segment.lowercased()
            }
            perSegment.append(words)
        }
        for (i, words) in perSegment.enumerated().reversed() {
            groups.append(words)
            // `/me` is the signed-in user: tried after `me` itself, which a "self" table claims.
            if words.contains("me") { groups.append(["user"]) }
            let parts = Set(Words.of(segments[i]))
            if !parts.isSubset(of: words) { groups.append(parts) }
        }
        return groups
    }
}

/// Lower-case singular words of a heading, anchor or path segment, camel case split.
enum Words {
    static func of(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        func flush() {
            if !current.isEmpty { words.append(PlaceholderRewriter.singular(current.lowercased())) }
            current = ""
        }
        // ASCII text (nearly all) is split on bytes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var previousLower = false
            var start: String.UTF8View.Index? = nil
            let u = text.utf8
            var i = u.startIndex
            func flushBytes(_ end: String.UTF8View.Index) {
                if let s = start { words.append(PlaceholderRewriter.singular(String(decoding: u[s..<end], as: UTF8.self).lowercased())) }
                start = nil
            }
            while i < u.endIndex {
                let b = u[i]
                if ASCII.isAlphanumeric(b) {
                    if ASCII.isUpper(b) && previousLower { flushBytes(i) }
                    if start == nil { start = i }
                    previousLower = ASCII.isLower(b)
                } else {
                    flushBytes(i)
                    previousLower = false
                }
                i = u.index(after: i)
            }
            flushBytes(u.endIndex)
            return words
        }
        for ch in text {
            if ch.isLetter || ch.isNumber {
                if ch.isUppercase && previousLower { flush() }
                current.append(ch)
                previousLower = ch.isLowercase
            } else {
                flush()
                previousLower = false
            }
        }
        flush()
        return words
    }
}
