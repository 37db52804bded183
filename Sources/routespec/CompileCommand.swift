import Foundation
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
            parsed = try ParsedArguments(arguments, valueOptions: ["model", "jobs", "swift", "include-pages", "include-paths", "catalog"],
                                         flagOptions: ["verbose", "quiet", "no-client", "fixed-files"])
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
        if let jobs = parsed.values["jobs"] {
            guard let n = Int(jobs), n >= 1 else { return CommandLineTool.usageError("--jobs takes a whole number ≥ 1") }
            options.threads = n
            generatorOptions.threads = n
        }
        var result: Compiler.Result
        var catalogSummary: String?
        do {
            let pages = try PageDiscovery.pages(under: paths)
            timings.mark("pages found")
            result = Compiler(options: options).compile(pages: pages)
            timings.mark("pages → model")
            if let catalogPath = parsed.values["catalog"] {
                let check = CatalogCheck(catalog: try PermissionCatalog.load(path: catalogPath)).check(result.model)
                result.add(check.diagnostics)
                catalogSummary = CatalogCommandText.summary(check.summary)
            }
        } catch {
            return CommandLineTool.usageError(ErrorText.describe(error))
        }
        CommandLineTool.printDiagnostics(result.model.diagnostics, verbose: parsed.flags.contains("verbose"))
        // The JSON model and the Swift are independent: made at once, each only when it is wanted.
        let model = result.model, threads = options.threads, generator = SwiftRouteGenerator(options: generatorOptions)
        let wantsJSON = modelPath != nil || swiftDirectory == nil
        let (json, files) = inParallel(threads: threads, { wantsJSON ? model.json().serializedBytes(threads: threads) : [] },
                                       { swiftDirectory == nil ? [] : generator.generate(model) })
        timings.mark("JSON and Swift made")
        if let modelPath {
            if let failure = failure({ try AtomicFile.write(json, to: modelPath) }) {
                Console.error("routespec: cannot write \(modelPath): \(failure)\n")
                return 1
            }
        } else if swiftDirectory == nil {
            Console.output(json)
        }
        if let swiftDirectory, let failure = failure({ try GeneratedOutput.write(files, to: swiftDirectory, threads: threads) }) {
            Console.error("routespec: cannot write \(swiftDirectory): \(failure)\n")
            return 1
        }
        timings.mark("files written")
        if !parsed.flags.contains("quiet") {
            let notes = result.model.diagnostics.count - result.errorCount - result.warningCount
            let summary = "routespec: \(result.pageCount) pages → \(result.model.operations.count) operations; "
                + "\(result.errorCount) errors, \(result.warningCount) warnings, \(notes) notes"
                + (modelPath.map { " → \($0)" } ?? "") + "\n"
            Console.error((catalogSummary ?? "") + summary)
        }
        return result.errorCount > 0 ? 1 : 0
    }
}
