/// The user's selection: pages by glob, routes by path prefix.
struct RouteFilter {
    let options: SwiftRouteGenerator.Options

    /// The selected operations (by index) with the indices of their selected routes. Names are
    /// still made from every route of an operation, so a selection never renames anything.
    func apply(_ operations: [APIOperation]) -> [(op: Int, kept: [Int])] {
        let prefixes = options.pathPrefixes.map { $0.lowercased() }
        // Fields are read in place: a copy of an operation retains each of its lists.
        return operations.indices.compactMap { o in
            if !options.pageGlobs.isEmpty,
               !operations[o].sources.contains(where: { s in options.pageGlobs.contains { Glob.matches($0, s.path) } }) {
                return nil
            }
            let routes = operations[o].routes
            let kept = prefixes.isEmpty ? Array(routes.indices) : routes.indices.filter { i in
                let path = routes[i].path.lowercased()
                return prefixes.contains { path.hasPrefix($0) }
            }
            return kept.isEmpty ? nil : (o, kept)
        }
    }
}

/// `*` (within a path segment), `**` (across segments) and `?`.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern.utf8), 0, Array(path.utf8), 0)
    }

    private static func match(_ p: [UInt8], _ pi: Int, _ s: [UInt8], _ si: Int) -> Bool {
        if pi == p.count { return si == s.count }
        if p[pi] == UInt8(ascii: "*") {
            let doubleStar = pi + 1 < p.count && p[pi + 1] == UInt8(ascii: "*")
            var next = pi + (doubleStar ? 2 : 1)
            if doubleStar, next < p.count, p[next] == UInt8(ascii: "/") { next += 1 }
            var k = si
            while true {
                if match(p, next, s, k) { return true }
                if k == s.count || (!doubleStar && s[k] == UInt8(ascii: "/")) { return false }
                k += 1
            }
        }
        guard si < s.count, p[pi] == UInt8(ascii: "?") || p[pi] == s[si] else { return false }
        return match(p, pi + 1, s, si + 1)
    }
}
