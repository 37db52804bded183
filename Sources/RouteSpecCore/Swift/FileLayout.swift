/// Which file each operation's code goes in: one file per API version and top-level path
/// segment; a large group is split by the first letter of the operation's type name. Placement
/// never affects a symbol's name.
enum FileLayout {
    struct Group {
        var name: String
        var operations: [(op: APIOperation, type: SwiftName)]
    }

    static func groups(_ operations: [APIOperation], limit: Int) -> [Group] {
        var byTop: [String: [(APIOperation, SwiftName)]] = [:]
        var typeNames: [String: Int] = [:]
        var named: [(APIOperation, SwiftName)] = []
        for op in operations {
            let type = GeneratedNames.operationType(op)
            typeNames[type.text, default: 0] += 1
            named.append((op, type))
        }
        for (op, type) in named {
            // Two ids that spell the same identifier: both take a hash of their id.
            let unique = typeNames[type.text]! > 1
                ? SwiftNames.name(type.text + "_" + SwiftNames.shortHash(op.id), fallback: "Operation_" + SwiftNames.shortHash(op.id))
                : type
            byTop[topSegment(op), default: []].append((op, unique))
        }
        var groups: [Group] = []
        for top in byTop.keys.sorted() {
            let members = byTop[top]!.sorted { $0.1.text < $1.1.text }
            if members.count <= limit {
                groups.append(Group(name: top, operations: members))
                continue
            }
            var byLetter: [String: [(APIOperation, SwiftName)]] = [:]
            for m in members { byLetter[String(m.1.text.trimmingCharacters(in: "`").prefix(1)).uppercased(), default: []].append(m) }
            for letter in byLetter.keys.sorted() {
                groups.append(Group(name: top + "_" + letter, operations: byLetter[letter]!))
            }
        }
        return groups
    }

    /// The first static segment of the operation's first route, as a type-like name.
    static func topSegment(_ op: APIOperation) -> String {
        let first = op.routes.first.map { GeneratedNames.staticWords($0.path).first ?? "Root" } ?? "Root"
        let name = SwiftNames.upperCamel(SwiftNames.words(first))
        return name.isEmpty ? "Root" : name
    }
}

/// The user's selection: pages by glob, routes by path prefix.
struct RouteFilter {
    let options: SwiftRouteGenerator.Options

    func apply(_ operations: [APIOperation]) -> [APIOperation] {
        operations.compactMap { op in
            if !options.pageGlobs.isEmpty,
               !op.sources.contains(where: { s in options.pageGlobs.contains { Glob.matches($0, s.path) } }) {
                return nil
            }
            guard !options.pathPrefixes.isEmpty else { return op }
            var kept = op
            kept.routes = op.routes.filter { r in
                options.pathPrefixes.contains { r.path.lowercased().hasPrefix($0.lowercased()) }
            }
            return kept.routes.isEmpty ? nil : kept
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
