/// Pages with several permission tables (one per resource, or "acting on self" vs "on others")
/// keep each table with the routes it governs: a table's heading words are matched against the
/// resource segments of each route, nearest the end of the path first.
enum RouteTableMatcher {
    struct Assignment {
        var operation: PermissionSet?
        /// Route index → its permissions, only where they differ from the operation's.
        var routes: [Int: PermissionSet]
        /// When no route can be told from another (one route, or none tied to a table): every
        /// table as a variant of the operation.
        var operationVariants: [PermissionVariant] = []
        /// Routes no table could be tied to while others were: every table as their variants.
        var routeVariants: [Int: [PermissionVariant]] = [:]
    }

    static func assign(tables: [PermissionTableFact], routes: [RouteFact]) -> Assignment {
        guard let first = tables.first else { return Assignment(operation: nil, routes: [:]) }
        if tables.count == 1 { return Assignment(operation: first.permissions, routes: [:]) }
        var variants: [PermissionVariant] { zip(conditions(tables), tables).map { PermissionVariant(condition: $0, permissions: $1.permissions) } }
        // One route under several tables: which applies depends on the request, not the route.
        if Set(routes.map { RouteShape(method: $0.method, path: $0.path) }).count <= 1 {
            return Assignment(operation: nil, routes: [:], operationVariants: variants)
        }
        var tableOfRoute = matchByHeadings(tables, routes)
        // Then the resources the tables' permission names grant (`Group.*` ↔ `/groups/…`), with
        // the headings' words: the table sharing most words with the route, less its heading's
        // words that name other routes' resources; on a tie, the one matching nearest the start
        // of the path (the owner: `/groups/{id}/calendar` is a group's calendar), then the one
        // whose words the route has the most of (`calendar` over `calendar for groups`).
        let left = routes.indices.filter { tableOfRoute[$0] == nil }
        let headingWords = left.isEmpty ? [] : tables.map(Self.keywords)
        let evidence = left.isEmpty ? [] : tables.indices.map { headingWords[$0].union(resourceWords(tables[$0])) }
        let pageWords = left.isEmpty ? [] : routes.reduce(into: Set<String>()) { all, r in for g in routeWords(r) { all.formUnion(g) } }
        for ri in left {
            let groups = routeWords(routes[ri])
            let words = groups.reduce(into: Set<String>()) { $0.formUnion($1) }
            let scores = evidence.indices.map { t -> (Int, Int, Int) in
                let matched = evidence[t].intersection(words)
                let against = headingWords[t].intersection(pageWords).subtracting(words).count
                let nearestStart = groups.lastIndex { !$0.isDisjoint(with: matched) } ?? -1
                return (matched.count - against, nearestStart, matched.count * 1000 / max(1, evidence[t].count))
            }
            if let best = scores.max(by: { $0 < $1 }), best.0 > 0, scores.filter({ $0 == best }).count == 1 {
                tableOfRoute[ri] = scores.firstIndex { $0 == best }
            }
        }
        // The routes left, when exactly one table is left: that table (tenant-wide vs per group).
        let unclaimed = tables.indices.filter { t in !tableOfRoute.values.contains(t) }
        if !tableOfRoute.isEmpty, unclaimed.count == 1 {
            for ri in routes.indices where tableOfRoute[ri] == nil { tableOfRoute[ri] = unclaimed[0] }
        }
        if tableOfRoute.isEmpty { return Assignment(operation: nil, routes: [:], operationVariants: variants) }
        // A route no table can be tied to keeps every table as a variant rather than a guess:
        // a wrong permission set is worse than a choice left to the caller.
        let unmatched = routes.indices.filter { tableOfRoute[$0] == nil }
        guard unmatched.isEmpty else {
            var perRoute: [Int: PermissionSet] = [:]
            for (ri, t) in tableOfRoute { perRoute[ri] = tables[t].permissions }
            let all = variants
            return Assignment(operation: nil, routes: perRoute, routeVariants: Dictionary(uniqueKeysWithValues: unmatched.map { ($0, all) }))
        }
        // The operation carries the table that governs most routes; ties go to the earlier table.
        var governed = Array(repeating: 0, count: tables.count)
        for t in tableOfRoute.values { governed[t] += 1 }
        let main = governed.indices.max { (governed[$0], -$0) < (governed[$1], -$1) }!
        var perRoute: [Int: PermissionSet] = [:]
        for (ri, t) in tableOfRoute where tables[t].permissions != tables[main].permissions {
            perRoute[ri] = tables[t].permissions
        }
        return Assignment(operation: tables[main].permissions, routes: perRoute)
    }

    /// Each route's table by the words of the tables' headings that no other table's share.
    private static func matchByHeadings(_ tables: [PermissionTableFact], _ routes: [RouteFact]) -> [Int: Int] {
        let keywords = tables.map(Self.keywords)
        var counts: [String: Int] = [:]
        for k in keywords { for w in k { counts[w, default: 0] += 1 } }
        let distinctive = keywords.map { $0.filter { counts[$0] == 1 } }
        var tableOfRoute: [Int: Int] = [:]
        for (ri, route) in routes.enumerated() {
            if let t = match(route, distinctive) { tableOfRoute[ri] = t }
        }
        return tableOfRoute
    }

    /// What each variant applies to, in English where the docs give it: a matrix row's label when
    /// it is English, else its link's target (`[Задача Outlook](…/outlooktask.md)` → `outlooktask`);
    /// a heading's anchor in words; the audience; else the heading as written. Told apart by
    /// their position where two would read alike.
    static func conditions(_ tables: [PermissionTableFact]) -> [String] {
        let labels = tables.enumerated().map { index, table -> String in
            let text = table.heading?.text.trimmingSpaces ?? ""
            let english = !text.isEmpty && text.allSatisfy { $0.isASCII }
            if table.isMatrixRow {
                guard !english, let stem = table.heading?.anchor else { return text }
                // `channel (/teams/getAllChannels — все каналы)`: the stem and the path the row names.
                let path = text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" }).first { $0.hasPrefix("/") && $0.allSatisfy(\.isASCII) }
                return path.map { "\(stem) (\($0))" } ?? stem
            }
            if let anchor = table.heading?.anchor, !anchor.isEmpty { return anchor.split(separator: "-").joined(separator: " ") }
            if !text.isEmpty { return text }
            return table.audience ?? "table \(index + 1)"
        }
        return labels.enumerated().map { i, label in labels.filter { $0 == label }.count > 1 ? "\(label) (\(i + 1))" : label }
    }

    /// The resources a table's permission names grant access to: `GroupMember.Read.All` → `group`,
    /// `member`, `groupmember`. `Directory.*` names every directory object, so it says nothing.
    static func resourceWords(_ table: PermissionTableFact) -> Set<String> {
        var words: Set<String> = []
        for kind in SchemeKind.allCases {
            for name in table.permissions[kind]?.allNames ?? [] {
                guard let resource = name.split(separator: ".").first, resource.lowercased() != "directory" else { continue }
                words.formUnion(Words.of(String(resource)))
                words.insert(PlaceholderRewriter.singular(resource.lowercased()))
            }
        }
        return words
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
