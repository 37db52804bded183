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
    /// Shared by the pages of one compile; nil reads every table afresh.
    var tableReadings: PermissionTableReadings? = nil
    /// The names tokens carry; nil leaves names as the docs spell them.
    var vocabulary: NameRepairs? = nil
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
        var walker = SectionWalker(input: input, text: text, includes: includes, tableReadings: tableReadings, sink: sink)
        walker.needsVersionEvidence = mirrorVersion == nil
        walker.walk(blocks, into: &facts)
        walker.checkRepairsAgainstExamples()
        if mirrorVersion == nil && walker.versionEvidence.betaNoticeLine == nil { walker.countExampleVersions() }
        sink = walker.sink
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
        facts.request.queryOptions = RequestReader.queryOptionsMentioned(in: text.bytes)
        if let vocabulary { PermissionNameRepair.apply(vocabulary, to: &facts.permissionTables, text: text, diagnostics: &sink) }
        Self.checkCompleteness(&facts, walker: walker, diagnostics: &sink)
        facts.diagnostics = sink.items
        QuotedColumn.locate(&facts.diagnostics, path: input.displayPath, in: input.bytes)
        return .page(facts)
    }

    private static func checkCompleteness(_ facts: inout PageFacts, walker: SectionWalker, diagnostics: inout DiagnosticSink) {
        if facts.routes.isEmpty {
            if let first = walker.unknownMethods.first {
                diagnostics.error("no-routes", "the HTTP request section has no route lines: \(first.message)", line: first.line, column: first.column)
            } else if let line = walker.requestSectionLine {
                diagnostics.error("no-routes", "the HTTP request section has no route lines ('METHOD /path')", line: line)
            } else {
                diagnostics.error("no-request-section", "no HTTP request section and no route blocks found; the page yields no operation",
                                  line: facts.titleLine)
            }
            return
        }
        for miss in walker.unknownMethods {
            diagnostics.warning("unknown-method", miss.message, line: miss.line, column: miss.column)
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
    /// On bytes: folder names are split on `/` alone, and empty ones (`a//b`) are skipped.
    static func parse(_ path: String) -> (ApiVersion?, String?) {
        path.withUTF8Span { p in
            var versionFolder: Range<Int>?
            var end = p.count
            while end > 0 {
                var start = end
                while start > 0 && p[start - 1] != ASCII.slash { start -= 1 }
                if names(p, start..<end, beta) || names(p, start..<end, v1) { versionFolder = start..<end; break }
                end = start - 1
            }
            // The last version folder counts only with something after it.
            guard let folder = versionFolder, p.extracting(folder.upperBound...).contains(where: { $0 != ASCII.slash }) else { return (nil, nil) }
            var key: [UInt8] = []
            key.reserveCapacity(p.count - folder.upperBound)
            var i = folder.upperBound
            while i < p.count {
                while i < p.count && p[i] == ASCII.slash { i += 1 }
                let start = i
                while i < p.count && p[i] != ASCII.slash { i += 1 }
                if start < i {
                    if !key.isEmpty { key.append(ASCII.slash) }
                    key.append(contentsOf: p.extracting(start..<i))
                }
            }
            return (names(p, folder, beta) ? .beta : .v1, String(decoding: key, as: UTF8.self))
        }
    }

    private static let beta = Array("beta".utf8), v1 = Array("v1.0".utf8)

    /// Whether the folder at `r` is `folder`.
    private static func names(_ p: Span<UInt8>, _ r: Range<Int>, _ folder: [UInt8]) -> Bool {
        r.count == folder.count && UTF8Text.equal(p.extracting(r), folder)
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

    /// `2023-05-17`, `05/17/2023`, `5.17.23`: three numbers split on `/`, `-` or `.` (empty parts
    /// skipped), each digits with an optional `+`; read on bytes.
    static func normalize(_ raw: String) -> String? {
        raw.withUTF8Span { p in
            var numbers: [(value: Int, width: Int)] = []
            numbers.reserveCapacity(3)
            var i = 0
            while i < p.count {
                while i < p.count && isSeparator(p[i]) { i += 1 }
                let start = i
                while i < p.count && !isSeparator(p[i]) { i += 1 }
                guard start < i else { break }
                guard numbers.count < 3, let n = number(p.extracting(start..<i)) else { return nil }
                numbers.append((n, i - start))
            }
            guard numbers.count == 3 else { return nil }
            let (a, b, c) = (numbers[0].value, numbers[1].value, numbers[2].value)
            let (year, month, day): (Int, Int, Int)
            if numbers[0].width == 4 { (year, month, day) = (a, b, c) } else { (year, month, day) = (c < 100 ? 2000 + c : c, a, b) }
            guard (1...12).contains(month), (1...31).contains(day), (1990...2200).contains(year) else { return nil }
            let digit = { (n: Int) in UInt8(ascii: "0") + UInt8(n) }
            let text: [UInt8] = [digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10), ASCII.dash,
                                 digit(month / 10), digit(month % 10), ASCII.dash, digit(day / 10), digit(day % 10)]
            return String(decoding: text, as: UTF8.self)
        }
    }

    private static func isSeparator(_ b: UInt8) -> Bool { b == ASCII.slash || b == ASCII.dash || b == ASCII.dot }

    /// What `Int(_:)` reads: ASCII digits after an optional `+` (a `-` is a separator here), nil
    /// on overflow.
    private static func number(_ p: Span<UInt8>) -> Int? {
        let sign = !p.isEmpty && p[0] == UInt8(ascii: "+") ? 1 : 0
        guard sign < p.count else { return nil }
        var n = 0
        for i in sign..<p.count {
            let b = p[i]
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            let (times, o1) = n.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(b - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            n = sum
        }
        return n
    }
}
