/// Turns page facts into operations. Translations and copies of one page merge into one
/// operation: by path below the `v1.0/`/`beta/` folder where trees mirror each other, else by
/// title anchor plus a shared route (never by translated text). The newest source wins; where
/// sources disagree, a warning names both files and what differs.
enum OperationMerger {
    /// Groups are merged on `threads` threads; diagnostics come in no particular order (the
    /// caller sorts them), so the result does not depend on the thread count.
    static func merge(_ all: [PageFacts], threads: Int = 1) -> (operations: [APIOperation], diagnostics: [Diagnostic]) {
        let pages = all.filter { !$0.routes.isEmpty }
        let built = ParallelMap.map(groups(pages), threads: threads) { group -> (APIOperation, [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let facts = group.map { pages[$0] }
            let resolved = facts.indices.sorted { newer(facts[$0], than: facts[$1]) }.map { resolve(facts[$0], diagnostics: &diagnostics) }
            return (build(resolved, diagnostics: &diagnostics), diagnostics)
        }
        var operations = built.map(\.0)
        uniquifyIDs(&operations)
        operations.sort { ($0.apiVersion, $0.id) < ($1.apiVersion, $1.id) }
        return (operations, built.flatMap(\.1))
    }

    /// A page's facts with its permission tables assigned to routes.
    struct ResolvedPage {
        var facts: PageFacts
        var routes: [Route]
        var permissions: PermissionSet?
        var variants: [PermissionVariant]
        var tables: [PermissionTable]
        var shapes: Set<RouteShape>
        var successCodes: [Int]
    }

    private static func resolve(_ page: PageFacts, diagnostics: inout [Diagnostic]) -> ResolvedPage {
        let assignment = RouteTableMatcher.assign(tables: page.permissionTables, routes: page.routes)
        if !assignment.operationVariants.isEmpty {
            diagnostics.append(Diagnostic(.note, "permission-variants",
                                          "\(page.permissionTables.count) permission tables and no route to tell them apart: the requirement depends on the request; "
                                              + "kept as variants (\(assignment.operationVariants.map(\.condition).joined(separator: "; ")))",
                                          path: page.path, line: page.permissionTables[0].line))
        }
        if !assignment.routeVariants.isEmpty {
            let unmatched = page.routes.indices.filter { assignment.routeVariants[$0] != nil }
            let headings = page.permissionTables.map { $0.heading?.text ?? $0.audience ?? "?" }
            diagnostics.append(Diagnostic(.warning, "permission-tables-unmatched",
                                          "\(page.permissionTables.count) permission tables (\(headings.joined(separator: "; "))) but \(unmatched.count) of \(page.routes.count) routes "
                                              + "could not be tied to one (\(unmatched.prefix(3).map { "\(page.routes[$0].method) \(page.routes[$0].path)" }.joined(separator: ", "))"
                                              + (unmatched.count > 3 ? ", …" : "") + "): they keep every table as a variant ('permissionVariants')",
                                          path: page.path, line: page.permissionTables[0].line))
        }
        var routes: [Route] = []
        for (i, r) in page.routes.enumerated() {
            routes.append(Route(method: r.method, path: r.path, parameters: r.parameters, permissions: assignment.routes[i],
                                permissionVariants: assignment.routeVariants[i] ?? [], line: r.line))
        }
        routes.sort { ($0.path, $0.method) < ($1.path, $1.method) }
        let tables = page.permissionTables.count > 1
            ? page.permissionTables.map { PermissionTable(heading: $0.heading?.text, anchor: $0.heading?.anchor, audience: $0.audience, line: $0.line, permissions: $0.permissions) }
            : []
        let success = Set(page.responses.filter { ResponseCodeReader.isSuccess($0.status) }.map(\.status)).sorted()
        return ResolvedPage(facts: page, routes: routes, permissions: assignment.operation, variants: assignment.operationVariants, tables: tables,
                            shapes: Set(page.routes.map { RouteShape(method: $0.method, path: $0.path) }), successCodes: success)
    }

    private static func newer(_ a: PageFacts, than b: PageFacts) -> Bool {
        let da = a.date ?? "", db = b.date ?? ""
        if da != db { return da > db }
        return a.path < b.path
    }

    // MARK: Grouping

    private static func groups(_ pages: [PageFacts]) -> [[Int]] {
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
        var byMirror: [InVersion: Int] = [:]
        for i in pages.indices {
            guard let key = pages[i].mirrorKey else { continue }
            let k = InVersion(version: pages[i].apiVersion, key: key)
            if let j = byMirror[k] { union(i, j) } else { byMirror[k] = i }
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
            for shape in Set(p.routes.map { RouteShape(method: $0.method, path: $0.path) }) {
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
                         routes: primary.routes, permissions: primary.permissions, permissionVariants: primary.variants, permissionTables: primary.tables,
                         responses: responses, sources: sourceList, request: Self.requestShape(facts.request),
                         responseBody: Self.responseBody(facts.request))
    }

    static func requestShape(_ r: RequestFacts) -> RequestShape? {
        var seen = Set<String>()
        let headers = r.headers.filter { seen.insert($0.name.lowercased()).inserted }.map { RequestHeader(name: $0.name, required: $0.required) }
        let body = r.bodyInSection == true || r.bodyInExample ? true : r.bodyInSection
        guard !headers.isEmpty || body != nil || !r.queryOptions.isEmpty else { return nil }
        return RequestShape(headers: headers, body: body, queryOptions: r.queryOptions)
    }

    static func responseBody(_ r: RequestFacts) -> ResponseBody? {
        r.responseResource == nil && r.responseCollection == nil ? nil : ResponseBody(resource: r.responseResource, collection: r.responseCollection)
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
    private static func uniquifyIDs(_ operations: inout [APIOperation]) {
        var byID: [String: [Int]] = [:]
        for i in operations.indices { byID[operations[i].id, default: []].append(i) }
        for (_, members) in byID where members.count > 1 {
            let ordered = members.sorted {
                let a = operations[$0].routes.first.map { RouteShape(method: $0.method, path: $0.path) }
                let b = operations[$1].routes.first.map { RouteShape(method: $0.method, path: $0.path) }
                return (a?.path ?? "", a?.method ?? "", operations[$0].sources[0].path) < (b?.path ?? "", b?.method ?? "", operations[$1].sources[0].path)
            }
            for (n, index) in ordered.enumerated() where n > 0 {
                operations[index].id += "~\(n + 1)"
            }
        }
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
