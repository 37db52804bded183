import Foundation
import RouteSpecCore

/// `routespec check [PATH...] [--model FILE] [--swift DIR]`: exits 1, with a short summary of
/// what differs, when the committed model or Swift is stale against the pages (for CI).
enum CheckCommand {
    static let definition = CommandDefinition(
        name: "check",
        help: """
          check [PATH...] [--model FILE] [--swift DIR] [--options FILE] [selection options as for compile]
              Exit 1, listing what differs and printing the command that regenerates it, when the
              committed model or Swift is stale against the pages (with no PATH: spec/ against
              generated/). For CI.

        """,
        valueOptions: ["model", "swift", "jobs", "options"] + CompileCommand.selectionValues,
        flagOptions: CompileCommand.selectionFlags,
        run: run)

    static func run(_ parsed: ParsedArguments, _ console: Console) -> Int32 {
        let paths = parsed.positionals.isEmpty ? [CompileCommand.defaultInput] : parsed.positionals
        let modelPath = parsed.values["model"] ?? CompileCommand.defaultModel
        let swiftDirectory = parsed.values["swift"] ?? (parsed.positionals.isEmpty ? CompileCommand.defaultSwift : nil)
        let result: Compiler.Result
        do {
            result = try CompileCommand.compile(PageDiscovery.pages(under: paths), parsed, options: Compiler.Options()).0
        } catch {
            return definition.fail(ErrorText.describe(error), console)
        }
        var problems: [String] = []
        let model = result.model.json().serializedBytes()
        if let committed = FileManager.default.contents(atPath: modelPath) {
            if [UInt8](committed) != model { problems.append("changed: \(modelPath)" + ModelSummary.describe(old: [UInt8](committed), new: model)) }
        } else {
            problems.append("missing: \(modelPath)")
        }
        if let swiftDirectory {
            var options = CompileCommand.generatorOptions(parsed)
            options.fixedFiles = false
            let files = SwiftRouteGenerator(options: options).generate(result.model)
            problems += GeneratedOutput.differences(files, in: swiftDirectory).map { $0.replacing(": ", with: ": \(swiftDirectory)/") }
        }
        guard !problems.isEmpty else {
            console.output("routespec check: generated output is up to date with \(counted(result.pageCount, "page"))\n")
            return 0
        }
        var text = "routespec check: generated output is stale; regenerate it with\n  \(regenerate(parsed, modelPath: modelPath))\nand commit the result:\n"
        for p in problems { text += "  \(p)\n" }
        console.error(text)
        return 1
    }

    /// The compile that writes what `check` compared: the same pages, outputs and options.
    static func regenerate(_ parsed: ParsedArguments, modelPath: String) -> String {
        guard !parsed.given.isEmpty else { return CommandLineTool.invocation }
        var words = ["compile"] + parsed.given
        if parsed.values["model"] == nil { words += ["--model", modelPath] }
        return CommandLineTool.invocation + " " + CommandLineTool.shellLine(words)
    }
}

/// Which operations a model change adds, removes or changes, by id.
enum ModelSummary {
    static func describe(old: [UInt8], new: [UInt8]) -> String {
        guard let before = operations(old), let after = operations(new) else { return "" }
        let added = Set(after.keys).subtracting(before.keys).sorted()
        let removed = Set(before.keys).subtracting(after.keys).sorted()
        let changed = Set(before.keys).intersection(after.keys).filter { before[$0] != after[$0] }.sorted()
        var parts: [String] = []
        if !added.isEmpty { parts.append("added \(list(added))") }
        if !removed.isEmpty { parts.append("removed \(list(removed))") }
        if !changed.isEmpty { parts.append("changed \(list(changed))") }
        return parts.isEmpty ? " (diagnostics only)" : " (operations " + parts.joined(separator: "; ") + ")"
    }

    private static func operations(_ bytes: [UInt8]) -> [String: JSONValue]? {
        guard case .object(let root)? = try? JSONParser.parse(bytes), case .array(let ops)? = root["operations"] else { return nil }
        var byID: [String: JSONValue] = [:]
        for op in ops {
            if case .object(let fields) = op, case .string(let id)? = fields["id"] { byID[id] = op }
        }
        return byID
    }

    private static func list(_ ids: [String]) -> String {
        ids.count <= 5 ? ids.joined(separator: ", ") : ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more"
    }
}
