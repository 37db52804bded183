/// Which file each operation's code goes in: one file per API version and top-level path
/// segment; a large group is split by the first letter of the operation's type name. Placement
/// never affects a symbol's name.
enum FileLayout {
    struct Member {
        var op: APIOperation
        var kept: [Int]
        var type: SwiftName
    }

    struct Group {
        var name: String
        var operations: [Member]
    }

    static func groups(_ operations: [(op: APIOperation, kept: [Int])], limit: Int, single: Bool = false) -> [Group] {
        var byTop: [String: [Member]] = [:]
        var typeNames: [String: Int] = [:]
        var named: [Member] = []
        for (op, kept) in operations {
            let type = GeneratedNames.operationType(op)
            typeNames[type.text, default: 0] += 1
            named.append(Member(op: op, kept: kept, type: type))
        }
        for var member in named {
            // Two ids that spell the same identifier: both take a hash of their id.
            if typeNames[member.type.text]! > 1 {
                member.type = SwiftNames.name(member.type.text + "_" + SwiftNames.shortHash(member.op.id),
                                              fallback: "Operation_" + SwiftNames.shortHash(member.op.id))
            }
            byTop[single ? "Operations" : topSegment(member.op), default: []].append(member)
        }
        if single && byTop.isEmpty { return [Group(name: "Operations", operations: [])] }
        var groups: [Group] = []
        for top in byTop.keys.sorted() {
            let members = byTop[top]!.sorted { $0.type.text < $1.type.text }
            guard members.count > limit else {
                groups.append(Group(name: top, operations: members))
                continue
            }
            // Buckets by a hash of the type name: a page lands in the same file whatever else is
            // added, until the group doubles in size.
            var buckets = 2
            while members.count > buckets * limit { buckets *= 2 }
            var parts = Array(repeating: [Member](), count: buckets)
            for m in members { parts[bucket(m.type.text, of: buckets)].append(m) }
            for (i, part) in parts.enumerated() where !part.isEmpty {
                groups.append(Group(name: "\(top)_\(i)", operations: part))
            }
        }
        return groups
    }

    private static func bucket(_ name: String, of count: Int) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in name.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return Int(h % UInt32(count))
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

    /// The selected operations with the indices of their selected routes. Names are still made
    /// from every route of an operation, so a selection never renames anything.
    func apply(_ operations: [APIOperation]) -> [(op: APIOperation, kept: [Int])] {
        operations.compactMap { op in
            if !options.pageGlobs.isEmpty,
               !op.sources.contains(where: { s in options.pageGlobs.contains { Glob.matches($0, s.path) } }) {
                return nil
            }
            let kept = op.routes.indices.filter { i in
                options.pathPrefixes.isEmpty
                    || options.pathPrefixes.contains { op.routes[i].path.lowercased().hasPrefix($0.lowercased()) }
            }
            return kept.isEmpty ? nil : (op, kept)
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
