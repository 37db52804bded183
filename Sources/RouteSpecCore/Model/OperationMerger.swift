/// Turns page facts into operations. Translations and copies of one page merge into one
/// operation: by path below the `v1.0/`/`beta/` folder where trees mirror each other, else by
/// title anchor plus a shared route (never by translated text). The newest source wins; where
/// sources disagree, a warning names both files and what differs.
enum OperationMerger {
    /// Groups are built on `threads` threads; diagnostics are returned in no particular order (the
    /// caller sorts them), so the result does not depend on the thread count. With a cache, and
    /// each page's facts digest (`digests`, in the order of `pages`), a group whose pages' facts
    /// are all unchanged is taken from the cache, with its digest (`APIOperation.digest`): then
    /// every operation's digest is returned, in the order of the operations. A page's facts are
    /// decoded (`LazyPageFacts.facts`) only when its group's operation is made afresh, or when
    /// its routes group it (see `groups`).
    static func merge(_ all: [LazyPageFacts], digests: [ContentHash]? = nil, cache: DerivedCache? = nil, threads: Int = 1)
        -> (operations: [APIOperation], diagnostics: [Diagnostic], digests: [ContentHash]?) {
        let kept = all.indices.filter { all[$0].hasRoutes }
        let pages = kept.map { all[$0] }
        let pageDigests = digests.map { d in kept.map { d[$0] } }
        typealias Built = (operation: APIOperation, rest: (diagnostics: [Diagnostic], digest: ContentHash?))
        var (operations, rest) = ParallelMap.unzippedMap(groups(pages), threads: threads) { group -> Built in
            var diagnostics: [Diagnostic] = []
            let fresh = { () -> APIOperation in
                let facts = group.map { pages[$0].facts }
                let resolved = facts.indices.sorted { newer(facts[$0], than: facts[$1]) }.map { resolve(facts[$0], diagnostics: &diagnostics) }
                return build(resolved, diagnostics: &diagnostics)
            }
            guard let cache, let pageDigests else {
                let operation = fresh()
                return (operation, (diagnostics, nil))
            }
            // The operation and its diagnostics depend on the group's facts alone.
            let key = DerivedCache.key(.operation) { b in for i in group { b.add(pageDigests[i]) } }
            // Taken apart as returned: the tuple copied whole would retain every list it holds.
            let (operation, stored, digest) = cache.value(
                key, decode: { r in (try APIOperation(&r), try r.array { try Diagnostic(&$0) }, try ContentHash(&r)) },
                encode: { value, w in
                    value.0.encode(&w)
                    w.array(value.1) { $1.encode(&$0) }
                    value.2.encode(&w)
                }, make: {
                    let operation = fresh()
                    return (operation, diagnostics, operation.digest)
                })
            return (operation, (stored, digest))
        }
        var digestsOfOperations = cache == nil || pageDigests == nil ? nil : rest.map { $0.digest! }
        // Sorted by index, then moved into place: a sort that moves operations copies every
        // field of each on every move. Identical ids (rare) sort next to each other: only then
        // are they told apart, and the order made again.
        func sortedOrder() -> [Int] {
            operations.indices.sorted {
                (operations[$0].apiVersion, operations[$0].id) < (operations[$1].apiVersion, operations[$1].id)
            }
        }
        var order = sortedOrder()
        if zip(order, order.dropFirst()).contains(where: { operations[$0].id == operations[$1].id }) {
            for o in uniquifyIDs(&operations) { digestsOfOperations?[o] = operations[o].digest }
            order = sortedOrder()
        }
        operations.reorder(by: order)
        digestsOfOperations?.reorder(by: order)
        return (operations, rest.flatMap(\.diagnostics), digestsOfOperations)
    }

    /// A page's facts with its permission tables assigned to routes.
    struct ResolvedPage {
        var facts: PageFacts
        var routes: [Route]
        var permissions: PermissionSet?
        var tables: [PermissionTable]
        var shapes: Set<RouteShape>
        var successCodes: [Int]
    }

    private static func resolve(_ page: PageFacts, diagnostics: inout [Diagnostic]) -> ResolvedPage {
        let assignment = RouteTableMatcher.assign(tables: page.permissionTables, routes: page.routes)
        if page.permissionTables.count > 1 && !assignment.unmatchedRoutes.isEmpty {
            let headings = page.permissionTables.map { $0.heading?.text ?? $0.audience ?? "?" }
            let which = assignment.unmatchedRoutes.count == page.routes.count
                ? "no route" : "only \(page.routes.count - assignment.unmatchedRoutes.count) of \(page.routes.count) routes"
            diagnostics.append(Diagnostic(.warning, "permission-tables-unmatched",
                                          "\(page.permissionTables.count) permission tables (\(headings.joined(separator: "; "))) but \(which) could be matched to a table; routes without a table get no permissions; every table is kept in 'permissionTables'",
                                          path: page.path, line: page.permissionTables[0].line))
        }
        var routes: [Route] = []
        for (i, r) in page.routes.enumerated() {
            routes.append(Route(method: r.method, path: r.path, parameters: r.parameters, permissions: assignment.routes[i], line: r.line))
        }
        routes.sort { ($0.path, $0.method) < ($1.path, $1.method) }
        let tables = page.permissionTables.count > 1
            ? page.permissionTables.map { PermissionTable(heading: $0.heading?.text, anchor: $0.heading?.anchor, audience: $0.audience, line: $0.line, permissions: $0.permissions) }
            : []
        let success = Set(page.responses.filter { ResponseCodeReader.isSuccess($0.status) }.map(\.status)).sorted()
        return ResolvedPage(facts: page, routes: routes, permissions: assignment.operation, tables: tables,
                            shapes: Set(page.routes.map { RouteShape(method: $0.method, path: $0.path) }), successCodes: success)
    }

    private static func newer(_ a: PageFacts, than b: PageFacts) -> Bool {
        let da = a.date ?? "", db = b.date ?? ""
        if da != db { return da > db }
        return a.path < b.path
    }

    // MARK: Grouping

    private static func groups(_ pages: [LazyPageFacts]) -> [[Int]] {
        var parent = Array(pages.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        struct InVersion: Hashable {
            var version: ApiVersion
            var key: String
        }
        // Keyed on a hash of version and key: hashing each of thousands of keys for a `Dictionary`
        // cost several times as much.
        var byMirror = ContentHashTable<Int>(minimumCapacity: pages.count)
        for i in pages.indices {
            guard let key = pages[i].mirrorKey else { continue }
            var k = ContentHash.Builder()
            k.add(pages[i].apiVersion.rawValue)
            k.add(key)
            if let j = byMirror[k.hash] { union(i, j) } else { byMirror.set(k.hash, i) }
        }
        // Pages at different paths of docs trees never merge, and pages at one path already have:
        // an anchor and a route only join a page without a tree path to others, so only anchors
        // such a page has are looked at (most corpora have none, and route shapes cost).
        var anchorsOfUnplacedPages: Set<InVersion> = []
        for p in pages where p.mirrorKey == nil {
            if let anchor = p.titleAnchor { anchorsOfUnplacedPages.insert(InVersion(version: p.apiVersion, key: anchor)) }
        }
        var byAnchorRoute: [String: [Int]] = [:]
        for (i, p) in pages.enumerated() where !anchorsOfUnplacedPages.isEmpty {
            guard let anchor = p.titleAnchor, anchorsOfUnplacedPages.contains(InVersion(version: p.apiVersion, key: anchor)) else { continue }
            for shape in Set(p.facts.routes.map { RouteShape(method: $0.method, path: $0.path) }) {
                byAnchorRoute["\(p.apiVersion.rawValue)|\(anchor)|\(shape.description)", default: []].append(i)
            }
        }
        for key in byAnchorRoute.keys.sorted() {
            let members = byAnchorRoute[key]!
            for j in members.dropFirst() {
                let a = pages[members[0]], b = pages[j]
                // Two pages of one docs tree at different paths are different pages.
                if let ka = a.mirrorKey, let kb = b.mirrorKey, ka != kb { continue }
                union(members[0], j)
            }
        }
        // A group's root is its smallest index: groups come in the order of their first page.
        var grouped = [[Int]](repeating: [], count: pages.count)
        for i in pages.indices { grouped[find(i)].append(i) }
        return grouped.filter { !$0.isEmpty }
    }

    // MARK: Building

    private static func build(_ sources: [ResolvedPage], diagnostics: inout [Diagnostic]) -> APIOperation {
        var primary = sources[0]
        for other in sources.dropFirst() {
            DriftReport.compare(primary: primary, other: other, into: &diagnostics)
        }
        primary.permissions = repairUnparsed(primary, from: sources.dropFirst(), diagnostics: &diagnostics)
        let facts = primary.facts
        var responses: [Response] = []
        for code in primary.successCodes {
            let origins = Set(facts.responses.filter { $0.status == code }.map(\.origin.rawValue)).sorted()
            responses.append(Response(status: code, foundIn: origins))
        }
        let prose = Set(facts.responses.filter { $0.origin == .prose && ResponseCodeReader.isSuccess($0.status) }.map(\.status))
        let examples = Set(facts.responses.filter { $0.origin == .example && ResponseCodeReader.isSuccess($0.status) }.map(\.status))
        if !prose.isEmpty, !examples.isEmpty, prose != examples {
            diagnostics.append(Diagnostic(.note, "status-disagrees",
                                          "the Response section says \(prose.sorted()) but the example response shows \(examples.sorted())",
                                          path: facts.path, line: facts.responses.first(where: { $0.origin == .example })?.line ?? facts.titleLine))
        }
        let name = OperationNamer.name(anchor: facts.titleAnchor, title: facts.title, mirrorKey: facts.mirrorKey, path: facts.path,
                                       routes: facts.routes)
        let sourceList = sources.map { s in
            Source(path: s.facts.path, locale: s.facts.locale, line: s.facts.titleLine, date: s.facts.date, primary: s.facts.path == facts.path)
        }.sorted { $0.path < $1.path }
        return APIOperation(id: operationID(facts, group: sources), apiVersion: facts.apiVersion, name: name, title: facts.title,
                         routes: primary.routes, permissions: primary.permissions, permissionTables: primary.tables,
                         responses: responses, sources: sourceList)
    }

    private static func operationID(_ facts: PageFacts, group: [ResolvedPage]) -> String {
        let version = facts.apiVersion.rawValue
        if let key = group.compactMap(\.facts.mirrorKey).min() {
            var k = key.hasSuffix(".md") ? String(key.dropLast(3)) : key
            if k.hasPrefix("api/") { k = String(k.dropFirst(4)) }
            return "\(version)/\(k)"
        }
        if let anchor = group.compactMap(\.facts.titleAnchor).min() { return "\(version)/#\(anchor)" }
        let stem = facts.path.split(asciiSeparator: ASCII.slash).last.map { String($0.split(asciiSeparator: ASCII.dot).first ?? $0) } ?? "page"
        return "\(version)/\(stem)"
    }

    /// Identical ids (two unrelated pages with one anchor) get `~2`, `~3`… in the order of their
    /// first route, so adding an unrelated page never renames an existing operation's id.
    /// Returns the indices of the operations whose id changed.
    private static func uniquifyIDs(_ operations: inout [APIOperation]) -> [Int] {
        var byID: [String: [Int]] = [:]
        var renamed: [Int] = []
        for i in operations.indices { byID[operations[i].id, default: []].append(i) }
        for (_, members) in byID where members.count > 1 {
            let ordered = members.sorted {
                let a = operations[$0].routes.first.map { RouteShape(method: $0.method, path: $0.path) }
                let b = operations[$1].routes.first.map { RouteShape(method: $0.method, path: $0.path) }
                return (a?.path ?? "", a?.method ?? "", operations[$0].sources[0].path) < (b?.path ?? "", b?.method ?? "", operations[$1].sources[0].path)
            }
            for (n, index) in ordered.enumerated() where n > 0 {
                operations[index].id += "~\(n + 1)"
                renamed.append(index)
            }
        }
        return renamed
    }

    /// Where the newest source has names it could not read, another source of the same page that
    /// read the same scheme cleanly (and agrees on every name both read) supplies them.
    private static func repairUnparsed(_ primary: ResolvedPage, from others: ArraySlice<ResolvedPage>,
                                       diagnostics: inout [Diagnostic]) -> PermissionSet? {
        guard var set = primary.permissions else { return nil }
        for kind in SchemeKind.allCases {
            guard let scheme = set[kind], !scheme.unparsed.isEmpty else { continue }
            for other in others {
                guard let clean = other.permissions?[kind], clean.supported, clean.unparsed.isEmpty,
                      Set(scheme.allNames).isSubset(of: Set(clean.allNames)),
                      clean.allNames.count > scheme.allNames.count else { continue }
                set[kind] = clean
                diagnostics.append(Diagnostic(.note, "permission-names-from-other-source",
                                              "\(kind.rawValue): unreadable names \(scheme.unparsed) taken as \(clean.allNames) from '\(other.facts.path)'",
                                              path: primary.facts.path, line: primary.facts.permissionTables.first?.line ?? primary.facts.titleLine))
                break
            }
        }
        return set
    }
}
