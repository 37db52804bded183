import Foundation

/// The pipeline: pages → facts (in parallel) → merged, sorted model.
public struct Compiler {
    public struct Options: Sendable {
        public var threads: Int
        /// The permission names pages are spelled to; nil keeps the docs' spelling.
        public var vocabulary: PermissionVocabulary?
        public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, vocabulary: PermissionVocabulary? = .published) {
            self.threads = max(1, threads)
            self.vocabulary = vocabulary
        }
    }

    public struct Result: Sendable {
        public var model: Model
        public var pageCount: Int
        /// The pages compiled, for naming the file of a page diagnosed later (`add`).
        var pages: [PageDiscovery.Page] = []

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
        compile(pages: try PageDiscovery.pages(under: paths))
    }

    public func compile(pages unordered: [PageDiscovery.Page]) -> Result {
        let pages = unordered.sorted { ($0.root, $0.relativePath) < ($1.root, $1.relativePath) }
        let tableReadings = PermissionTableReadings()
        let vocabulary = options.vocabulary.map(NameRepairs.init)
        let outcomes = ParallelMap.map(pages, threads: options.threads) { Self.extract($0, tableReadings: tableReadings, vocabulary: vocabulary) }
        var facts: [PageFacts] = []
        var diagnostics: [Diagnostic] = []
        for outcome in outcomes {
            switch outcome {
            case .page(let f):
                facts.append(f)
                diagnostics += f.diagnostics
            case .skipped(let d):
                diagnostics += d
            }
        }
        let merged = OperationMerger.merge(facts, threads: options.threads)
        diagnostics += merged.diagnostics
        Self.nameFiles(of: &diagnostics, pages: pages)
        diagnostics.sort(by: Diagnostic.ordered)
        return Result(model: Model(operations: merged.operations, diagnostics: diagnostics), pageCount: pages.count, pages: pages)
    }

    /// Gives each diagnostic without a file its page's file, as reachable from the working directory.
    static func nameFiles(of diagnostics: inout [Diagnostic], pages: [PageDiscovery.Page]) {
        var fileOfPath: [String: String] = [:]
        for page in pages { fileOfPath[page.displayPath] = page.file }
        for i in diagnostics.indices where diagnostics[i].file == nil { diagnostics[i].file = fileOfPath[diagnostics[i].path] }
    }

    private static func extract(_ page: PageDiscovery.Page, tableReadings: PermissionTableReadings,
                                vocabulary: NameRepairs?) -> PageExtractor.Outcome {
        guard let bytes = FileBytes.read(page.absolutePath) else {
            var sink = DiagnosticSink(path: page.displayPath)
            sink.error("unreadable-page", "the page cannot be read", line: 1)
            return .skipped(sink.items)
        }
        let includes = IncludeResolver(canonicalRoot: page.canonicalRoot)
        return PageExtractor(includes: includes, tableReadings: tableReadings, vocabulary: vocabulary).extract(PageExtractor.Input(displayPath: page.displayPath,
                                                                            absolutePath: page.absolutePath, bytes: bytes))
    }
}
