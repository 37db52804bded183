#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RouteSpecCore

/// `routespec compile [PATH...] [--model FILE]`.
enum CompileCommand {
    static let defaultInput = "spec"
    static let defaultModel = "generated/model.json"
    static let defaultSwift = "generated/GraphRoutes"

    /// Why `work` failed, as printed; nil when it succeeded.
    private static func failure(_ work: () throws -> Void) -> String? {
        do {
            try work()
            return nil
        } catch { return ErrorText.describe(error) }
    }

    static func run(_ arguments: [String]) -> Int32 {
        var timings = PhaseTimings(enabled: ProcessInfo.processInfo.environment["ROUTESPEC_TIMINGS"] != nil)
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, valueOptions: ["model", "jobs", "cache", "swift", "include-pages", "include-paths", "catalog"],
                                         flagOptions: ["verbose", "quiet", "no-client", "fixed-files", "incremental"])
        } catch ParsedArguments.Failure.message(let m) {
            return CommandLineTool.usageError(m)
        } catch {
            return CommandLineTool.usageError(ErrorText.describe(error))
        }
        let paths = parsed.positionals.isEmpty ? [defaultInput] : parsed.positionals
        let modelPath = parsed.values["model"] ?? (parsed.positionals.isEmpty ? defaultModel : nil)
        let swiftDirectory = parsed.values["swift"] ?? (parsed.positionals.isEmpty ? defaultSwift : nil)
        var generatorOptions = SwiftRouteGenerator.Options()
        generatorOptions.pageGlobs = parsed.lists["include-pages"] ?? []
        generatorOptions.pathPrefixes = parsed.lists["include-paths"] ?? []
        generatorOptions.clientMethods = !parsed.flags.contains("no-client")
        generatorOptions.fixedFiles = parsed.flags.contains("fixed-files")
        var options = Compiler.Options()
        // The facts stay until exit with the result (`LeftForExit`).
        options.keepsPageFacts = true
        if let jobs = parsed.values["jobs"] {
            guard let n = Int(jobs), n >= 1 else { return CommandLineTool.usageError("--jobs takes a whole number ≥ 1") }
            options.threads = n
            generatorOptions.threads = n
        }
        let listingDirectory = parsed.values["cache"], discoveryThreads = options.threads
        let discover: @Sendable () -> Result<[PageDiscovery.Page], any Error> = {
            Result { try PageDiscovery.pages(under: paths, rememberingIn: listingDirectory, threads: discoveryThreads) }
        }
        let discovered: Result<[PageDiscovery.Page], any Error>
        if let directory = parsed.values["cache"] {
            // Both cache files are loaded, and the pages found, at once.
            let threads = options.threads
            ((options.cache, options.derived), discovered) = inParallel(threads: threads, {
                inParallel(threads: threads, { FactsCache.forRunningTool(directory: directory) }, { DerivedCache.forRunningTool(directory: directory) })
            }, discover)
            if options.cache == nil {
                StandardStream.error.write("routespec: warning: the cache is off: the running executable cannot be identified\n")
            }
        } else {
            discovered = discover()
        }
        // Build tools run on every build: when the pages and options are what the last run saw
        // and its outputs are still there, replay its diagnostics and exit without recompiling.
        let stamp = parsed.flags.contains("incremental")
            ? swiftDirectory.map { RunStamp(directory: $0, arguments: arguments, paths: paths, pages: try? discovered.get(), cache: options.cache) } : nil
        if let stamp, let replay = stamp.replayIfUnchanged(outputs: [modelPath].compactMap { $0 }) {
            StandardStream.error.write(replay.diagnostics)
            return replay.status
        }
        timings.mark(options.cache == nil ? "pages found" : "pages found, caches read")
        var result: Compiler.Result
        var catalogSummary: String?
        do {
            result = Compiler(options: options).compile(pages: try discovered.get())
            timings.mark("pages → model" + (options.cache == nil ? "" : " (cache: \(result.cacheHits) hits, \(result.cacheMisses) misses, \(result.pagesRead) pages read)"))
            if let failure = result.cacheWriteFailure {
                StandardStream.error.write("routespec: warning: cannot write the cache: \(failure)\n")
            }
            if let catalogPath = parsed.values["catalog"] {
                let check = CatalogCheck(catalog: try PermissionCatalog.load(path: catalogPath)).check(result.model)
                result.add(check.diagnostics)
                catalogSummary = CatalogCommandText.summary(check.summary)
            }
        } catch {
            return CommandLineTool.usageError(ErrorText.describe(error))
        }
        CommandLineTool.printDiagnostics(result.model.diagnostics, verbose: parsed.flags.contains("verbose"))
        timings.mark("diagnostics printed")
        // The JSON model and the Swift are independent: make them at once.
        let model = result.model, derived = options.derived, threads = options.threads, swiftOptions = generatorOptions
        // With a cache, the files the output folder already holds as this compiler printed them
        // are not printed again.
        let ledger = parsed.values["cache"].flatMap { cache in
            swiftDirectory.flatMap { OutputLedger.forRunningTool(cacheDirectory: cache, outputDirectory: $0) }
        }
        let digests = derived == nil ? nil : result.operationDigests ?? OperationDigests(model.operations, threads: threads)
        let ((bytes, modelFailure), files) = inParallel(threads: threads, {
            let bytes = model.jsonChunks(cache: derived, digests: digests, threads: threads)
            // Written as soon as it is made, while the Swift is still being made.
            return (bytes, modelPath.flatMap { path in failure { try AtomicFile.write(bytes, to: path) } })
        }, {
            let generator = SwiftRouteGenerator(options: swiftOptions)
            guard swiftDirectory != nil else { return SwiftRouteGenerator.Files(made: []) }
            guard let ledger else { return SwiftRouteGenerator.Files(made: generator.generate(model, cache: derived, digests: digests)) }
            return generator.generate(model, keeping: ledger, cache: derived, digests: digests)
        })
        timings.mark("JSON and Swift made" + (derived.map { " (derived cache: \($0.hits) hits, \($0.misses) misses)" } ?? ""))
        if let modelPath, let modelFailure {
            StandardStream.error.write("routespec: cannot write \(modelPath): \(modelFailure)\n")
            return 1
        } else if modelPath == nil && swiftDirectory == nil {
            bytes.forEach { StandardStream.output.write($0) }
        }
        // The derived cache is saved while the Swift files are written.
        let (swiftFailure, derivedFailure) = inParallel(threads: threads, {
            swiftDirectory.flatMap { directory in failure { try GeneratedOutput.write(files, to: directory, threads: threads) } }
        }, { derived.flatMap { derived in failure { try derived.save() } } })
        if let swiftDirectory, let swiftFailure {
            StandardStream.error.write("routespec: cannot write \(swiftDirectory): \(swiftFailure)\n")
            return 1
        }
        for cacheFailure in [ledger.flatMap { ledger in failure { try ledger.save(files) } }, derivedFailure] {
            if let cacheFailure {
                StandardStream.error.write("routespec: warning: cannot write the cache: \(cacheFailure)\n")
            }
        }
        timings.mark("files written")
        timings.report()
        LeftForExit.keep(result, bytes, files, derived as Any, options.cache as Any)
        let status: Int32 = result.errorCount > 0 ? 1 : 0
        if let stamp {
            let printed = result.model.diagnostics.filter { parsed.flags.contains("verbose") || $0.severity != .note }
            stamp.record(status: status, diagnostics: printed.map { $0.formatted + "\n" }.joined())
        }
        if !parsed.flags.contains("quiet") {
            let notes = result.model.diagnostics.count - result.errorCount - result.warningCount
            let summary = "routespec: \(result.pageCount) pages → \(result.model.operations.count) operations; "
                + "\(result.errorCount) errors, \(result.warningCount) warnings, \(notes) notes"
                + (modelPath.map { " → \($0)" } ?? "") + "\n"
            StandardStream.error.write(((catalogSummary ?? "") + summary))
        }
        return status
    }
}
