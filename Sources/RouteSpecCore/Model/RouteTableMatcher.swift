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
        guard !tableOfRoute.isEmpty else {
            return Assignment(operation: first.permissions, routes: [:], unmatchedRoutes: Array(routes.indices))
        }
        // The operation carries the table that governs most routes; ties go to the earlier table.
        var governed = Array(repeating: 0, count: tables.count)
        for t in tableOfRoute.values { governed[t] += 1 }
        let main = governed.indices.max { (governed[$0], -$0) < (governed[$1], -$1) }!
        var perRoute: [Int: PermissionSet] = [:]
        for (ri, t) in tableOfRoute where tables[t].permissions != tables[main].permissions {
            perRoute[ri] = tables[t].permissions
        }
        let unmatched = routes.indices.filter { tableOfRoute[$0] == nil }
        return Assignment(operation: tables[main].permissions, routes: perRoute, unmatchedRoutes: unmatched)
    }

    static func keywords(_ table: PermissionTableFact) -> Set<String> {
        var words: Set<String> = []
        if let audience = table.audience {
            words.formUnion(audience == "self" ? ["self", "me"] : ["others", "other", "user"])
        }
        if let h = table.heading {
            let source = h.anchor ?? h.text
            for w in source.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                let word = PlaceholderRewriter.singular(String(w))
                words.insert(word)
                if word == "self" { words.insert("me") }
                if word == "other" { words.insert("user") }
            }
        }
        return words
    }

    private static func match(_ route: RouteFact, _ distinctive: [Set<String>]) -> Int? {
        let segments = route.path.split(separator: "/").compactMap { segment -> String? in
            guard !segment.hasPrefix("{") else { return nil }
            let name = segment.split(separator: "(").first.map(String.init) ?? String(segment)
            return PlaceholderRewriter.singular(name.lowercased())
        }
        for segment in segments.reversed() {
            // `/me` is the signed-in user.
            let names = segment == "me" ? ["me", "user"] : [segment]
            for name in names {
                let hits = distinctive.indices.filter { distinctive[$0].contains(name) }
                if hits.count == 1 { return hits[0] }
            }
        }
        return nil
    }
}
