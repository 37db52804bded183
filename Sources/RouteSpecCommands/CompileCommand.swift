import Foundation
import RouteSpecCore

/// `routespec compile [PATH...] [--model FILE] [--swift DIR] …`.
enum CompileCommand {
    static let defaultInput = "spec"
    static let defaultModel = "generated/model.json"
    static let defaultSwift = "generated/GraphRoutes"

    /// The options that choose what the Swift holds: `check` takes them too.
    static let selectionValues = ["include-pages", "include-paths", "catalog"]
    static let selectionFlags = ["no-client", "no-catalog"]

    static let definition = CommandDefinition(
        name: "compile",
        help: """
          compile [PATH...] [--model FILE] [--swift DIR] [--include-pages GLOB]... [--include-paths PREFIX]...
                  [--no-client] [--fixed-files] [--catalog FILE | --no-catalog] [--options FILE] [--jobs N]
                  [--verbose] [--quiet]
              Read every .md page under PATH (files or folders), write the JSON model and, with
              --swift, the Swift route code; folders missing on the way are made, and said so.
              With no PATH: compile spec/ into generated/ (generated/model.json and
              generated/GraphRoutes/). With a PATH and neither --model nor --swift, the model
              goes to standard output. --fixed-files writes one file per version whatever the
              pages (for build plugins); --options FILE reads more options from FILE (words,
              `#` comments). Permission names are spelled as Microsoft's permission catalog
              spells them (names the docs misspell are repaired, with a warning); --catalog FILE
              uses that catalog instead and also compares each route's permissions with it;
              --no-catalog keeps the docs' spelling.

        """,
        valueOptions: ["model", "jobs", "swift", "options"] + selectionValues,
        flagOptions: ["verbose", "quiet", "fixed-files"] + selectionFlags,
        run: run)

    /// The vocabulary `--catalog FILE` or `--no-catalog` asks for (the published names otherwise), and the catalog read.
    static func vocabulary(_ parsed: ParsedArguments) throws -> (PermissionVocabulary?, PermissionCatalog?) {
        if parsed.flags.contains("no-catalog") {
            guard parsed.values["catalog"] == nil else { throw CommandFailure("--catalog and --no-catalog exclude each other") }
            return (nil, nil)
        }
        guard let path = parsed.values["catalog"] else { return (.published, nil) }
        let catalog = try PermissionCatalog.load(path: path)
        return (PermissionVocabulary(catalog: catalog), catalog)
    }

    /// Pages → model with the vocabulary the options name and, given a catalog, its findings:
    /// what `compile` writes and `check` compares.
    static func compile(_ pages: [PageDiscovery.Page], _ parsed: ParsedArguments, options: Compiler.Options) throws -> (Compiler.Result, String?) {
        var options = options
        let catalog: PermissionCatalog?
        (options.vocabulary, catalog) = try vocabulary(parsed)
        var result = Compiler(options: options).compile(pages: pages)
        guard let catalog else { return (result, nil) }
        let filled = CatalogFill.apply(catalog, to: &result.model)
        let check = CatalogCheck(catalog: catalog).check(result.model)
        result.add(filled + check.diagnostics)
        return (result, CatalogCommandText.summary(check.summary))
    }

    static func generatorOptions(_ parsed: ParsedArguments) -> SwiftRouteGenerator.Options {
        var options = SwiftRouteGenerator.Options()
        options.pageGlobs = parsed.lists["include-pages"] ?? []
        options.pathPrefixes = parsed.lists["include-paths"] ?? []
        options.clientMethods = !parsed.flags.contains("no-client")
        options.fixedFiles = parsed.flags.contains("fixed-files")
        return options
    }

    static func run(_ parsed: ParsedArguments, _ console: Console) -> Int32 {
        var timings = PhaseTimings(enabled: ProcessInfo.processInfo.environment["ROUTESPEC_TIMINGS"] != nil, console: console)
        let paths = parsed.positionals.isEmpty ? [defaultInput] : parsed.positionals
        let modelPath = parsed.values["model"] ?? (parsed.positionals.isEmpty ? defaultModel : nil)
        let swiftDirectory = parsed.values["swift"] ?? (parsed.positionals.isEmpty ? defaultSwift : nil)
        let quiet = parsed.flags.contains("quiet")
        var generatorOptions = generatorOptions(parsed)
        var options = Compiler.Options()
        if let jobs = parsed.values["jobs"] {
            guard let n = Int(jobs), n >= 1 else { return definition.fail("--jobs takes a whole number ≥ 1, not '\(jobs)'", console) }
            options.threads = n
            generatorOptions.threads = n
        }
        var result: Compiler.Result
        var catalogSummary: String?
        do {
            let pages = try PageDiscovery.pages(under: paths)
            guard !pages.isEmpty else {
                console.error("routespec: warning: no pages (.md files) found under \(paths.joined(separator: ", ")); nothing written\n")
                return 0
            }
            timings.mark("pages found")
            (result, catalogSummary) = try compile(pages, parsed, options: options)
            timings.mark("pages → model")
        } catch PageDiscovery.Failure.notFound(let path) where parsed.positionals.isEmpty {
            return definition.fail("no '\(path)' folder here; give the pages' folder (routespec compile PATH…)", console)
        } catch {
            return definition.fail(ErrorText.describe(error), console)
        }
        CommandLineTool.printDiagnostics(result.model.diagnostics, verbose: parsed.flags.contains("verbose"), console: console)
        // The JSON model and the Swift are independent: made at once, each only when it is wanted.
        let model = result.model, threads = options.threads, generator = SwiftRouteGenerator(options: generatorOptions)
        let wantsJSON = modelPath != nil || swiftDirectory == nil
        let (json, files) = inParallel(threads: threads, { wantsJSON ? model.json().serializedBytes(threads: threads) : [] },
                                       { swiftDirectory == nil ? [] : generator.generate(model) })
        timings.mark("JSON and Swift made")
        let created = [modelPath.map { ($0 as NSString).deletingLastPathComponent }, swiftDirectory]
            .compactMap { $0 }.filter { !$0.isEmpty && !FileManager.default.fileExists(atPath: $0) }
        if let modelPath {
            do { try AtomicFile.write(json, to: modelPath) } catch {
                console.error("routespec: cannot write \(modelPath): \(ErrorText.describe(error))\n")
                return 1
            }
        } else if swiftDirectory == nil {
            console.output(json)
        }
        var written: GeneratedOutput.Summary?
        if let swiftDirectory {
            do { written = try GeneratedOutput.write(files, to: swiftDirectory, threads: threads) } catch {
                console.error("routespec: cannot write \(swiftDirectory): \(ErrorText.describe(error))\n")
                return 1
            }
        }
        timings.mark("files written")
        if !quiet {
            var text = catalogSummary ?? ""
            for folder in Set(created).sorted() { text += "routespec: made the folder \(folder)\n" }
            text += summary(result, modelPath: modelPath, swiftDirectory: swiftDirectory, files: written)
            console.error(text)
        }
        return result.errorCount > 0 ? 1 : 0
    }

    /// `routespec: 5 pages → 3 operations; 0 errors, 2 warnings, 1 note → m.json, Swift/ (5 files, 1 written)`.
    static func summary(_ result: Compiler.Result, modelPath: String?, swiftDirectory: String?, files: GeneratedOutput.Summary?) -> String {
        let notes = result.model.diagnostics.count - result.errorCount - result.warningCount
        var outputs: [String] = []
        if let modelPath { outputs.append(modelPath) }
        if let swiftDirectory, let files {
            let total = files.written.count + files.unchanged
            let changes = [files.written.isEmpty ? nil : "\(files.written.count) written",
                           files.removed.isEmpty ? nil : "\(files.removed.count) removed"].compactMap { $0 }
            outputs.append("\(swiftDirectory)/ (\(counted(total, "Swift file"))" + (changes.isEmpty ? ", unchanged" : ", " + changes.joined(separator: ", ")) + ")")
        }
        return "routespec: \(counted(result.pageCount, "page")) → \(counted(result.model.operations.count, "operation")); "
            + "\(counted(result.errorCount, "error")), \(counted(result.warningCount, "warning")), \(counted(notes, "note"))"
            + (outputs.isEmpty ? "" : " → " + outputs.joined(separator: ", ")) + "\n"
    }
}

/// "1 page", "2 pages".
func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

/// A usage error found after parsing, in words.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
