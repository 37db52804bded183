/// Reads one page into `PageFacts`: walks the blocks section by section and hands each part to
/// the reader that understands it.
struct PageExtractor {
    struct Input {
        /// Printed in diagnostics and stored in `sources`: relative to the root it was found under.
        var displayPath: String
        /// Canonical absolute path, for resolving includes.
        var absolutePath: String
        var bytes: [UInt8]
    }

    enum Outcome {
        case page(PageFacts)
        /// Not an API page (front matter says so), or unreadable: only diagnostics.
        case skipped([Diagnostic])
    }

    let includes: IncludeResolver?
    static let maxIncludeDepth = 8

    func extract(_ input: Input) -> Outcome {
        var sink = DiagnosticSink(path: input.displayPath)
        guard let text = SourceText.decode(input.bytes, diagnostics: &sink) else { return .skipped(sink.items) }
        let front = FrontMatter.parse(text, diagnostics: &sink)
        if front["ms.topic"]?.lowercased() == "include" {
            sink.note("not-an-api-page", "skipped: front matter says this is an include file", line: 1)
            return .skipped(sink.items)
        }
        let blocks = BlockScanner.scan(text, from: front.bodyStart, diagnostics: &sink)
        let (mirrorVersion, mirrorKey) = MirrorPath.parse(input.displayPath)
        var facts = PageFacts(path: input.displayPath,
                              locale: Locale.of(front: front, path: input.displayPath),
                              date: PageDate.of(front),
                              apiVersion: mirrorVersion ?? .v1,
                              mirrorKey: mirrorKey)
        facts.title = front["title"]
        var walker = SectionWalker(input: input, text: text, includes: includes, sink: sink)
        walker.walk(blocks, into: &facts)
        if mirrorVersion == nil && walker.versionEvidence.betaNoticeLine == nil { walker.countExampleVersions() }
        sink = walker.sink
        facts.includeProbes = walker.includeProbes
        if mirrorVersion == nil {
            facts.apiVersion = walker.versionEvidence.decide(diagnostics: &sink, line: facts.titleLine)
        }
        // Front matter that says "not an API page" is believed unless the page documents routes.
        if let docType = front["doc_type"], !docType.isEmpty, !docType.lowercased().hasPrefix("api") {
            guard !facts.routes.isEmpty else {
                sink = DiagnosticSink(path: input.displayPath)
                sink.note("not-an-api-page", "skipped: front matter says doc_type '\(docType)'", line: 1)
                return .skipped(sink.items)
            }
            sink.warning("doc-type-mismatch", "front matter says doc_type '\(docType)', but the page documents routes; compiled as an API page",
                         line: 1)
        }
        Self.checkCompleteness(&facts, walker: walker, diagnostics: &sink)
        facts.diagnostics = sink.items
        return .page(facts)
    }

    private static func checkCompleteness(_ facts: inout PageFacts, walker: SectionWalker, diagnostics: inout DiagnosticSink) {
        if facts.routes.isEmpty {
            if let line = walker.requestSectionLine {
                diagnostics.error("no-routes", "the HTTP request section has no route lines ('METHOD /path')", line: line)
            } else {
                diagnostics.error("no-request-section", "no HTTP request section and no route blocks found; the page yields no operation",
                                  line: facts.titleLine)
            }
            return
        }
        if facts.permissionTables.isEmpty, !walker.sawPermissionInclude {
            diagnostics.warning("no-permission-table", "no permission table found", line: walker.permissionSectionLine ?? facts.titleLine)
        }
        if !facts.responses.contains(where: { ResponseCodeReader.isSuccess($0.status) }) {
            diagnostics.warning("no-status", "no success status code found in the Response section or an example response",
                                line: walker.responseSectionLine ?? facts.titleLine)
        }
    }
}

/// The `v1.0/` or `beta/` folder a page sits in, and its path below it (how mirrored trees of
/// translations line up).
enum MirrorPath {
    static func parse(_ path: String) -> (ApiVersion?, String?) {
        // Split on bytes: splitting a String walks it character by character.
        let parts = path.utf8.split(separator: ASCII.slash)
        let isBeta = { (part: Substring.UTF8View) in part.elementsEqual("beta".utf8) }
        guard let index = parts.lastIndex(where: { isBeta($0) || $0.elementsEqual("v1.0".utf8) }), index + 1 < parts.count
        else { return (nil, nil) }
        return (isBeta(parts[index]) ? .beta : .v1, parts[(index + 1)...].map { String(Substring($0)) }.joined(separator: "/"))
    }
}

enum Locale {
    static func of(front: FrontMatter, path: String) -> String {
        if let l = front["ms.contentlocale"], !l.isEmpty { return canonical(l) }
        for part in path.split(asciiSeparator: ASCII.slash) {
            if let l = localeLike(part) { return l }
        }
        return "en-US"
    }

    /// `ru-ru` → `ru-RU`.
    static func canonical(_ s: String) -> String {
        let parts = s.split(asciiSeparator: ASCII.dash)
        guard parts.count == 2 else { return s }
        return parts[0].lowercased() + "-" + parts[1].uppercased()
    }

    private static func localeLike(_ s: Substring) -> String? {
        let parts = s.split(asciiSeparator: ASCII.dash)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isLetter } }) else { return nil }
        return canonical(String(s))
    }
}

/// `ms.date` (else `ms.lasthandoff`) as `YYYY-MM-DD`, so that dates compare as strings.
enum PageDate {
    static func of(_ front: FrontMatter) -> String? {
        for key in ["ms.date", "ms.lasthandoff"] {
            if let raw = front[key], let d = normalize(raw) { return d }
        }
        return nil
    }

    static func normalize(_ raw: String) -> String? {
        let parts = raw.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let (year, month, day): (Int, Int, Int)
        if parts[0].count == 4 { (year, month, day) = (a, b, c) } else { (year, month, day) = (c < 100 ? 2000 + c : c, a, b) }
        guard (1...12).contains(month), (1...31).contains(day), (1990...2200).contains(year) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
