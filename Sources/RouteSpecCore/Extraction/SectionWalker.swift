import RouteSpecShared

/// Walks a page's blocks, tracking which section each belongs to, and collects routes,
/// permission tables, status codes and version evidence.
struct SectionWalker {
    let input: PageExtractor.Input
    let text: SourceText
    let includes: IncludeResolver?
    let tableReadings: PermissionTableReadings?
    var sink: DiagnosticSink

    /// Whether the page's folder leaves its API version open: only then is the beta notice looked
    /// for and are example URLs kept.
    var needsVersionEvidence = true
    var versionEvidence = VersionEvidence()
    var requestSectionLine: Int?
    /// Request lines whose first word is no HTTP method (`GIT /applications`), where they are.
    private(set) var unknownMethods: [(line: Int, column: Int, message: String)] = []
    var permissionSectionLine: Int?
    var responseSectionLine: Int?
    var sawPermissionInclude = false

    private var section: SectionKind = .other
    private var sectionLevel = 0
    private var subheadings: [(level: Int, ref: HeadingRef)] = []
    private var seenLevel2 = false
    /// The last line of prose in the HTTP request section, which often says whom the next block
    /// is for (made a `String` only when a route takes it).
    private var lastRequestProse: Prose?
    private var exampleRequestLines: [SourceLine] = []
    /// The first line of each example code block (the request line, when it is one).
    private var exampleFirstLines: [SourceLine] = []
    /// Routes read with a repair, to be checked against the example requests.
    private var repairedRoutes: [(method: String, path: String, line: Int)] = []
    /// Route blocks outside the HTTP request section, used when that section has none.
    private var strayRoutes: [RouteFact] = []

    init(input: PageExtractor.Input, text: SourceText, includes: IncludeResolver?, tableReadings: PermissionTableReadings?, sink: DiagnosticSink) {
        self.input = input
        self.text = text
        self.includes = includes
        self.tableReadings = tableReadings
        self.sink = sink
    }

    mutating func walk(_ blocks: [Block], into facts: inout PageFacts) {
        for block in blocks {
            switch block {
            case .heading(let h): enter(h, facts: &facts)
            case .fence(let f): fence(f, facts: &facts)
            case .table(let t): table(t, facts: &facts)
            case .include(let i): include(i, facts: &facts)
            case .text(let p, let line): prose(p, line: line, facts: &facts)
            case .tab, .tabGroupEnd: break
            }
        }
        if facts.routes.isEmpty && !strayRoutes.isEmpty {
            sink.note("routes-outside-request-section", "routes taken from code blocks outside an HTTP request section",
                      line: strayRoutes[0].line)
            facts.routes = strayRoutes
            facts.hasRequestSection = true
        }
    }

    private var innermost: HeadingRef? { subheadings.last?.ref }

    private mutating func enter(_ h: Heading, facts: inout PageFacts) {
        if h.level == 1 && facts.titleAnchor == nil && !seenLevel2 {
            facts.titleAnchor = h.anchor
            facts.titleLine = h.line
            if !h.text.isEmpty { facts.title = h.text }
            section = .other
            sectionLevel = 1
            return
        }
        if h.level >= 2 { seenLevel2 = true }
        let kind = SectionKind.of(h)
        let ref = HeadingRef(anchor: h.anchor, text: h.text, line: h.line)
        let nested = h.level > sectionLevel && section != .other
        if nested && (section == .examples || kind == nil || kind == section || kind == .examples && section != .examples) {
            subheadings.removeAll { $0.level >= h.level }
            subheadings.append((h.level, ref))
            lastRequestProse = nil
            return
        }
        lastRequestProse = nil
        section = kind ?? .other
        sectionLevel = h.level
        subheadings = []
        switch section {
        case .httpRequest: requestSectionLine = requestSectionLine ?? h.line; facts.hasRequestSection = true
        case .permissions: permissionSectionLine = permissionSectionLine ?? h.line
        case .response: responseSectionLine = responseSectionLine ?? h.line
        default: break
        }
    }

    private mutating func fence(_ f: Fence, facts: inout PageFacts) {
        if let first = f.content.first, let status = text.withBytes(.bytes(first.range), ResponseCodeReader.example(bytes:)) {
            facts.responses.append(ResponseFact(status: status, origin: .example, line: f.content[0].number))
            if ResponseCodeReader.isSuccess(status), let last = f.content.last, f.content.count > 1 {
                let body = f.content[1].range.lowerBound..<last.range.upperBound
                if let collection = text.withBytes(.bytes(body), RequestReader.isCollection(json:)) {
                    facts.request.responseCollection = (facts.request.responseCollection ?? false) || collection
                }
            }
            return
        }
        if section == .requestBody { facts.request.bodyInSection = true }
        // An example request with a JSON body after its request line.
        if section == .examples, !facts.request.bodyInExample, let first = f.content.first,
           text.withBytes(.bytes(first.range), RouteLineParser.mayStartWithMethod),
           f.content.dropFirst().contains(where: { text.withBytes(.bytes($0.range)) { RequestReader.startsJSON($0) } }),
           case .success = RouteLineParser.parse(text.text(first)) {
            facts.request.bodyInExample = true
        }
        switch section {
        case .httpRequest:
            // ```` ```http GET /x ````: a route written on the fence's opening line.
            let words = f.rawInfo.split(separator: " ", maxSplits: 1)
            if words.count == 2, case .success = RouteLineParser.parse(String(words[1]), requireSlash: true) {
                sink.warning("route-on-fence-line", "'\(words[1])' is written on the code fence's opening line; read as a route", line: f.line)
                readRoute(String(words[1]), line: f.line, into: &facts.routes, reportFailures: true, requireSlash: true)
            }
            readRoutes(f.content, into: &facts.routes, reportFailures: true)
        case .examples:
            if needsVersionEvidence { exampleRequestLines.append(contentsOf: f.content.prefix(3)) }
            if let first = f.content.first { exampleFirstLines.append(first) }
        case .other, .permissions:
            // Route blocks under headings of their own (e.g. one heading per way to address a resource).
            if f.info.isEmpty || f.info == "http" || f.info.hasPrefix("msgraph") {
                var found: [RouteFact] = []
                readRoutes(f.content, into: &found, reportFailures: false)
                strayRoutes.append(contentsOf: found)
            }
        default:
            break
        }
    }

    private mutating func readRoutes(_ lines: [SourceLine], into routes: inout [RouteFact], reportFailures: Bool) {
        for line in lines {
            let raw = text.text(line)
            readRoute(raw, line: line.number, into: &routes, reportFailures: reportFailures, requireSlash: !reportFailures)
        }
    }

    private mutating func readRoute(_ raw: String, line: Int, into routes: inout [RouteFact], reportFailures: Bool,
                                    requireSlash: Bool) {
        switch RouteLineParser.parse(raw, requireSlash: requireSlash) {
        case .success(let parsed):
            for r in parsed.repairs { sink.warning("route-repaired", "\(r) in '\(raw.trimmingSpaces)'", line: line) }
            if !parsed.repairs.isEmpty { repairedRoutes.append((parsed.method, parsed.path, line)) }
            if routes.contains(where: { $0.method == parsed.method && $0.path == parsed.path }) { return }
            routes.append(RouteFact(method: parsed.method, path: parsed.path, parameters: parsed.parameters, line: line,
                                    headings: subheadings.map(\.ref), context: lastRequestProse.map(text.prose)))
        case .failure(.notARoute):
            if reportFailures, let (word, column) = RouteLineParser.unknownMethod(raw) {
                let meant = EditDistance.closest(to: word.uppercased(), among: RouteLineParser.methods.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                unknownMethods.append((line, column, "'\(word)' is not an HTTP method, so '\(raw.trimmingSpaces)' is not read as a route\(meant)"))
            }
        case .failure(.emptyPath(let method)):
            if reportFailures { sink.warning("bad-route", "'\(method)' is followed by no path", line: line) }
        case .failure(.badPath(let p)):
            if reportFailures { sink.warning("bad-route", "'\(p)' is not a valid route path", line: line) }
        }
    }

    /// A repaired route the page's example requests (of its method) all contradict: said, not hidden.
    mutating func checkRepairsAgainstExamples() {
        guard !repairedRoutes.isEmpty else { return }
        let examples = exampleFirstLines.compactMap { line -> RouteLineParser.Parsed? in
            if case .success(let p) = RouteLineParser.parse(text.text(line)) { return p } else { return nil }
        }
        for route in repairedRoutes {
            let sameMethod = examples.filter { $0.method == route.method }
            guard !sameMethod.isEmpty else { continue }
            let template = PathTemplate(route.path)
            if !sameMethod.contains(where: { template.match($0.path) != nil }) {
                sink.warning("route-repair-unconfirmed", "the repaired route '\(route.method) \(route.path)' matches none of the page's example requests "
                             + "(e.g. '\(sameMethod[0].method) \(sameMethod[0].path)')", line: route.line)
            }
        }
    }

    /// Example URLs are the last resort for the version: read only when nothing better decided.
    mutating func countExampleVersions() {
        for line in exampleRequestLines {
            if case .success(let parsed) = RouteLineParser.parse(text.text(line)), let v = parsed.versionInURL {
                if v == .beta { versionEvidence.exampleBeta += 1 } else { versionEvidence.exampleV1 += 1 }
            }
        }
    }

    private mutating func table(_ t: TableLines, facts: inout PageFacts) {
        if section == .requestHeaders {
            facts.request.headers += text.table(t).rows.compactMap(RequestReader.header)
            return
        }
        if section == .requestBody { facts.request.bodyInSection = true }
        guard section == .permissions || section == .other else { return }
        // Outside the permissions section, permission tables are small; property tables are not.
        if section != .permissions && t.rows.count > 12 { return }
        var local = sink
        let read = tableReadings.map { $0.read(t, in: text, heading: innermost, diagnostics: &local) }
            ?? PermissionTableReader.read(text.table(t), heading: innermost, diagnostics: &local)
        guard let read else { return }
        if section != .permissions {
            // Outside the permissions section only a table with scheme rows in all three schemes counts.
            guard read.contains(where: { $0.permissions.hasAllSchemes }) else { return }
            local.note("permission-table-outside-section", "permission table found outside the permissions section", line: t.line)
        }
        sink = local
        facts.permissionTables.append(contentsOf: read)
    }

    private mutating func include(_ inc: Include, facts: inout PageFacts) {
        if !seenLevel2 && inc.target.lowercased().has("beta-disclaimer") { versionEvidence.betaNoticeLine = inc.line }
        // Docs never include by absolute path or URL: whatever the include is for, refuse it.
        if inc.target.hasPrefix("/") || inc.target.has("://") || inc.target.hasPrefix("~") {
            sink.error("include-refused", "absolute include path '\(inc.target)' is not allowed", line: inc.line)
            return
        }
        // Only permission-table includes are read (and checked against the root); others (code
        // snippets in the examples, most of them) are never opened.
        guard section == .permissions || section == .other else { return }
        let target = inc.target.lowercased()
        guard target.hasSuffix("-permissions.md") || target.has("/permissions/") else { return }
        sawPermissionInclude = true
        var visited: Set<String> = [input.absolutePath]
        readInclude(inc.target, from: input.absolutePath, line: inc.line, depth: 0, visited: &visited, facts: &facts)
    }

    private mutating func readInclude(_ target: String, from file: String, line: Int, depth: Int,
                                      visited: inout Set<String>, facts: inout PageFacts) {
        guard let includes else {
            sink.warning("include-not-resolved", "include '\(target)' not read (no input root)", line: line)
            return
        }
        let outcome = includes.resolve(target, from: file)
        switch outcome {
        case .refused(let reason):
            sink.error("include-refused", reason, line: line)
        case .missing(let path):
            if path.hasSuffix("-permissions.md") {
                sink.warning("include-missing", "included file '\(path)' does not exist; its permission table is unknown", line: line)
            } else {
                sink.note("include-missing", "included file '\(path)' does not exist", line: line)
            }
        case .loaded(let path, let absolute, let bytes):
            guard !visited.contains(absolute) else {
                sink.error("include-cycle", "include '\(target)' includes itself (cycle through '\(path)')", line: line)
                return
            }
            guard depth < PageExtractor.maxIncludeDepth else {
                sink.error("include-too-deep", "includes nest deeper than \(PageExtractor.maxIncludeDepth) levels", line: line)
                return
            }
            visited.insert(absolute)
            defer { visited.remove(absolute) }
            var includeSink = DiagnosticSink(path: path, file: absolute)
            guard let included = SourceText.decode(bytes, diagnostics: &includeSink) else {
                sink.append(contentsOf: includeSink.items)
                return
            }
            let front = FrontMatter.parse(included, diagnostics: &includeSink)
            let blocks = BlockScanner.scan(included, from: front.bodyStart, diagnostics: &includeSink)
            var found = false
            for block in blocks {
                switch block {
                case .table(let t):
                    if let read = PermissionTableReader.read(included.table(t), heading: innermost, diagnostics: &includeSink) {
                        found = true
                        facts.permissionTables.append(contentsOf: read.map { var r = $0; r.line = line; return r })
                    }
                case .include(let nested):
                    sink.append(contentsOf: includeSink.items)
                    includeSink = DiagnosticSink(path: path, file: absolute)
                    readInclude(nested.target, from: absolute, line: line, depth: depth + 1, visited: &visited, facts: &facts)
                default:
                    break
                }
            }
            sink.append(contentsOf: includeSink.items)
            if !found && depth == 0 && !blocks.contains(where: { if case .include = $0 { return true } else { return false } }) {
                sink.warning("include-without-table", "included file '\(path)' holds no permission table", line: line)
            }
        }
    }

    private mutating func prose(_ p: Prose, line: Int, facts: inout PageFacts) {
        if needsVersionEvidence, !seenLevel2, text.prose(p, startsWith: ASCII.greaterThan), VersionEvidence.isBetaNotice(text.prose(p)) {
            versionEvidence.betaNoticeLine = versionEvidence.betaNoticeLine ?? line
        }
        switch section {
        case .response:
            for code in text.withBytes(p, ResponseCodeReader.prose(bytes:)) {
                facts.responses.append(ResponseFact(status: code, origin: .prose, line: line))
            }
            if facts.request.responseResource == nil, text.withBytes(p, RequestReader.mayLinkResource),
               let resource = RequestReader.resourceLink(text.prose(p)) {
                facts.request.responseResource = resource
            }
        case .requestBody:
            if facts.request.bodyInSection == nil { facts.request.bodyInSection = false }
        case .httpRequest:
            // Route lines written as prose or indented code.
            let before = facts.routes.count
            if text.withBytes(p, RouteLineParser.mayStartWithMethod) {
                readRoute(text.prose(p), line: line, into: &facts.routes, reportFailures: false, requireSlash: true)
            }
            if facts.routes.count == before { lastRequestProse = p }
        default:
            break
        }
    }
}
