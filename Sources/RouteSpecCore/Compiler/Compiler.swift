#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The pipeline: pages → facts (in parallel) → merged, sorted model.
public struct Compiler {
    public struct Options: Sendable {
        public var threads: Int
        /// Per-page results of earlier runs; nil compiles every page afresh.
        public var cache: FactsCache?
        /// Operations (and later JSON and Swift) of earlier runs, keyed on what they were made from.
        public var derived: DerivedCache?
        /// Keep each page's facts with the result rather than free them (on a background thread,
        /// where it takes about a core while the JSON and Swift are made): for a process that
        /// exits once it has written the outputs, freeing them is work for nothing.
        public var keepsPageFacts = false
        public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, cache: FactsCache? = nil,
                    derived: DerivedCache? = nil) {
            self.threads = max(1, threads)
            self.cache = cache
            self.derived = derived
        }
    }

    public struct Result: Sendable {
        public var model: Model
        public var pageCount: Int
        /// The pages compiled, for naming the file of a page diagnosed later (`add`).
        var pages: [PageDiscovery.Page] = []
        /// Pages whose facts came from the cache, and pages read afresh (both 0 without a cache).
        public var cacheHits = 0
        public var cacheMisses = 0
        /// Pages whose bytes were read (with a cache, the others' hashes were known by signature).
        public var pagesRead = 0
        /// Each operation's digest, when the operations came through the derived cache (which
        /// keeps each with its operation).
        public var operationDigests: OperationDigests?
        /// Why the cache could not be written, if it could not (the compile itself still succeeded).
        public var cacheWriteFailure: String?
        /// The pages' facts, with `Options.keepsPageFacts`.
        var keptPageFacts: (any Sendable)?

        /// Adds findings made after compiling (e.g. a catalog check) where diagnostics belong.
        public mutating func add(_ diagnostics: [Diagnostic]) {
            var added = diagnostics
            Compiler.nameFiles(of: &added, pages: pages)
            model.diagnostics += added
            model.diagnostics.sort(by: Diagnostic.ordered)
        }
        public var errorCount: Int { model.diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { model.diagnostics.filter { $0.severity == .warning }.count }
    }

    public let options: Options

    public init(options: Options = Options()) { self.options = options }

    public func compile(paths: [String]) throws -> Result {
        let pages = try PageDiscovery.pages(under: paths)
        return compile(pages: pages)
    }

    public func compile(pages unordered: [PageDiscovery.Page]) -> Result {
        let precedes = { (a: PageDiscovery.Page, b: PageDiscovery.Page) in (a.root, a.relativePath) < (b.root, b.relativePath) }
        // Discovery gives them in order (as far as plain-text names go): checking is cheaper than sorting.
        let pages = zip(unordered, unordered.dropFirst()).allSatisfy({ !precedes($1, $0) }) ? unordered : unordered.sorted(by: precedes)
        let cache = options.cache, digesting = options.derived != nil
        let extracted = ParallelMap.map(pages, threads: options.threads) { page in Compiler.extract(page, cache: cache, digest: digesting) }
        var facts: [LazyPageFacts] = []
        var digests: [ContentHash] = []
        var diagnostics: [Diagnostic] = []
        for extract in extracted {
            switch extract.outcome {
            case .page(let f):
                facts.append(f)
                if let digest = extract.digest { digests.append(digest) }
                diagnostics.append(contentsOf: f.diagnostics)
            case .skipped(let d):
                diagnostics.append(contentsOf: d)
            }
        }
        let derived = options.derived, threads = options.threads
        let pageFacts = facts, pageDigests = digests
        // Saving the facts cache depends on the pages alone: it is done while the pages are merged.
        let (merged, cacheWriteFailure) = inParallel(threads: threads, {
            OperationMerger.merge(pageFacts, digests: digesting ? pageDigests : nil, cache: derived, threads: threads)
        }, { cache.flatMap { Self.save(extracted, of: pages, to: $0) } })
        diagnostics.append(contentsOf: merged.diagnostics)
        Self.nameFiles(of: &diagnostics, pages: pages)
        diagnostics.sort(by: Diagnostic.ordered)
        var result = Result(model: Model(operations: merged.operations, diagnostics: diagnostics), pageCount: pages.count, pages: pages)
        result.operationDigests = merged.digests.map(OperationDigests.init(inOrder:))
        result.pagesRead = pages.count
        if cache != nil {
            result.cacheMisses = extracted.count { if case .fresh? = $0.cacheEntry { true } else { false } }
            result.cacheHits = extracted.count { $0.cacheEntry != nil } - result.cacheMisses
            result.pagesRead = extracted.count { !$0.hashWasKnown }
            result.cacheWriteFailure = cacheWriteFailure
        }
        if options.keepsPageFacts {
            result.keptPageFacts = (consume extracted, consume facts)
        } else {
            releaseInBackground((consume extracted, consume facts))
        }
        return result
    }

    /// Gives each diagnostic without a file its page's file, as reachable from the working
    /// directory. Only the diagnosed pages' files are spelled: most pages have no diagnostics.
    static func nameFiles(of diagnostics: inout [Diagnostic], pages: [PageDiscovery.Page]) {
        let unnamed = Set(diagnostics.lazy.filter { $0.file == nil }.map(\.path))
        guard !unnamed.isEmpty else { return }
        var fileOfPath: [String: String] = [:]
        for page in pages where unnamed.contains(page.displayPath) {
            fileOfPath[page.displayPath] = page.root.isEmpty ? page.relativePath : String(path: page.root, page.relativePath)
        }
        for i in diagnostics.indices where diagnostics[i].file == nil { diagnostics[i].file = fileOfPath[diagnostics[i].path] }
    }

    /// Writes what the facts cache and the content-hash index keep of this run; why not, if not.
    private static func save(_ extracted: [Extracted], of pages: [PageDiscovery.Page], to cache: FactsCache) -> String? {
        var seen: [(file: String, entry: ContentHashIndex.Entry)] = []
        seen.reserveCapacity(pages.count)
        for i in pages.indices {
            if let entry = extracted[i].seen { seen.append((pages[i].absolutePath, entry)) }
        }
        do {
            try cache.save(extracted.compactMap(\.cacheEntry))
            try cache.hashes.save(seen, allKnown: extracted.allSatisfy(\.hashWasKnown))
            return nil
        } catch { return ErrorText.describe(error) }
    }

    private struct Extracted: Sendable {
        var outcome: PageOutcome
        /// What the cache keeps for this page (nothing for an unreadable page).
        var cacheEntry: FactsCache.Entry?
        /// The digest of the outcome's encoding, when asked for: what derived values are keyed on.
        var digest: ContentHash?
        /// The page's signature and bytes' hash, for the content-hash index (with a cache).
        var seen: ContentHashIndex.Entry?
        /// Whether the index knew the hash, so the bytes were not read.
        var hashWasKnown = false
    }

    private static func extract(_ page: PageDiscovery.Page, cache: FactsCache?, digest: Bool) -> Extracted {
        let includes = IncludeResolver(canonicalRoot: page.canonicalRoot)
        let look = cache?.hashes.look(page.absolutePath)
        if let cache, let look {
            let key = cache.key(for: page, contentHash: look.hash)
            if let hit = cache.outcome(for: key, includes: includes, reread: { reread(page, summary: $0) }) {
                return Extracted(outcome: hit.outcome, cacheEntry: .stored(key), digest: hit.digest, seen: look.entry, hashWasKnown: look.bytes == nil)
            }
        }
        // A miss reads the page if the look did not, and keys its entry on the bytes read.
        guard let bytes = look?.bytes ?? FileBytes.read(page.absolutePath) else {
            var sink = DiagnosticSink(path: page.displayPath)
            sink.error("unreadable-page", "the page cannot be read", line: 1)
            return Extracted(outcome: .skipped(sink.items))
        }
        let hash = cache == nil ? nil : look?.bytes != nil ? look?.hash : ContentHash(bytes: bytes)
        let seen = look.flatMap { look in hash.map { ContentHashIndex.Entry(signature: look.signature, hash: $0) } }
        let key = hash.flatMap { cache?.key(for: page, contentHash: $0) }
        let outcome = PageExtractor(includes: includes).extract(PageExtractor.Input(displayPath: page.displayPath,
                                                                                     absolutePath: page.absolutePath, bytes: bytes))
        guard key != nil || digest else { return Extracted(outcome: PageOutcome(outcome)) }
        let encoded = outcome.encoded()
        return Extracted(outcome: PageOutcome(outcome), cacheEntry: key.map { .fresh($0, encoded) }, digest: ContentHash(bytes: encoded),
                         seen: seen)
    }

    /// `page`'s facts read afresh, for a cached page whose stored facts do not decode after all
    /// (their checksum held: only a fault of this compiler's coding could cause it). A page that
    /// no longer reads as one keeps what its summary says, without routes.
    private static func reread(_ page: PageDiscovery.Page, summary: PageFacts.Summary) -> PageFacts {
        if case .page(let facts) = extract(page, cache: nil, digest: false).outcome { return facts.facts }
        var facts = PageFacts(path: page.displayPath, locale: "", date: nil, apiVersion: summary.apiVersion, mirrorKey: summary.mirrorKey)
        facts.titleAnchor = summary.titleAnchor
        facts.diagnostics = summary.diagnostics
        return facts
    }
}
