/// A page's facts as the merger takes them: what groups pages into operations, and the page's
/// diagnostics, at hand; the rest decoded when asked for. A page from the facts cache whose
/// operation the derived cache holds too is then never decoded (unless its title anchor is shared
/// with a page outside a docs tree: then its routes are read to group it), which is most of a
/// recompile after one page changed.
struct LazyPageFacts: Sendable {
    let summary: PageFacts.Summary
    private let storage: Storage

    private enum Storage: Sendable {
        case decoded(PageFacts)
        /// A stored `PageExtractor.Outcome` whose checksum held; `reread` extracts the page afresh
        /// should it still not decode (given the summary, for a page that no longer reads as one).
        case encoded(SharedBytes, Range<Int>, reread: @Sendable (PageFacts.Summary) -> PageFacts)
    }

    init(_ facts: PageFacts) {
        summary = PageFacts.Summary(of: facts)
        storage = .decoded(facts)
    }

    init(summary: PageFacts.Summary, encoding bytes: SharedBytes, range: Range<Int>,
         reread: @escaping @Sendable (PageFacts.Summary) -> PageFacts) {
        self.summary = summary
        storage = .encoded(bytes, range, reread: reread)
    }

    var apiVersion: ApiVersion { summary.apiVersion }
    var mirrorKey: String? { summary.mirrorKey }
    var titleAnchor: String? { summary.titleAnchor }
    var hasRoutes: Bool { summary.hasRoutes }
    var diagnostics: [Diagnostic] { summary.diagnostics }

    /// The whole facts. Stored facts are decoded on every call: the merger asks once per page
    /// (twice for the rare page grouped by its routes).
    var facts: PageFacts {
        switch storage {
        case .decoded(let facts):
            return facts
        case .encoded(let bytes, let range, let reread):
            if case .page(let facts)? = try? PageExtractor.Outcome(decoding: bytes, range: range) { return facts }
            // Only a fault in this compiler's coding gets here: the checksum held.
            return reread(summary)
        }
    }
}

/// What the compiler keeps of a page: its facts, or only diagnostics (not an API page, or
/// unreadable).
enum PageOutcome: Sendable {
    case page(LazyPageFacts)
    case skipped([Diagnostic])

    init(_ outcome: PageExtractor.Outcome) {
        switch outcome {
        case .page(let facts): self = .page(LazyPageFacts(facts))
        case .skipped(let diagnostics): self = .skipped(diagnostics)
        }
    }
}
