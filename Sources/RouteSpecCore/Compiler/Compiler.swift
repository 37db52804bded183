import Foundation

/// The pipeline: pages → facts (in parallel) → merged, sorted model.
public struct Compiler {
    public struct Options: Sendable {
        public var threads: Int
        public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) { self.threads = max(1, threads) }
    }

    public struct Result: Sendable {
        public var model: Model
        public var pageCount: Int
        /// Each page's display path → the file as reachable from the working directory.
        public var files: [String: String] = [:]

        /// Adds findings made after compiling (e.g. a catalog check) where diagnostics belong.
        public mutating func add(_ diagnostics: [Diagnostic]) {
            for var d in diagnostics {
                if d.file == nil { d.file = files[d.path] }
                model.diagnostics.append(d)
            }
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
        let pages = unordered.sorted { ($0.root, $0.relativePath) < ($1.root, $1.relativePath) }
        let outcomes = ParallelMap.map(pages, threads: options.threads) { page -> PageExtractor.Outcome in
            Compiler.extract(page)
        }
        var facts: [PageFacts] = []
        var diagnostics: [Diagnostic] = []
        var fileOfPath: [String: String] = [:]
        for (page, outcome) in zip(pages, outcomes) {
            fileOfPath[page.displayPath] = page.root.isEmpty ? page.relativePath : (page.root.hasSuffix("/") ? page.root : page.root + "/") + page.relativePath
            switch outcome {
            case .page(let f):
                facts.append(f)
                diagnostics.append(contentsOf: f.diagnostics)
            case .skipped(let d):
                diagnostics.append(contentsOf: d)
            }
        }
        let merged = OperationMerger.merge(facts, threads: options.threads)
        diagnostics.append(contentsOf: merged.diagnostics)
        for i in diagnostics.indices where diagnostics[i].file == nil { diagnostics[i].file = fileOfPath[diagnostics[i].path] }
        diagnostics.sort(by: Diagnostic.ordered)
        return Result(model: Model(operations: merged.operations, diagnostics: diagnostics), pageCount: pages.count, files: fileOfPath)
    }

    static func extract(_ page: PageDiscovery.Page) -> PageExtractor.Outcome {
        var sink = DiagnosticSink(path: page.displayPath)
        guard let data = FileManager.default.contents(atPath: page.absolutePath) else {
            sink.error("unreadable-page", "the page cannot be read", line: 1)
            return .skipped(sink.items)
        }
        let extractor = PageExtractor(includes: IncludeResolver(root: page.canonicalRoot))
        return extractor.extract(PageExtractor.Input(displayPath: page.displayPath, absolutePath: page.absolutePath,
                                                     bytes: [UInt8](data)))
    }
}
