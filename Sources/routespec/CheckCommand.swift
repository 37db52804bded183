import Foundation
import RouteSpecCore

/// `routespec check [PATH...] [--model FILE] [--swift DIR]`: exits 1, with a short summary of
/// what differs, when the committed model or Swift is stale against the pages (for CI).
enum CheckCommand {
    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, valueOptions: ["model", "swift", "jobs", "include-pages", "include-paths"],
                                         flagOptions: ["no-client"])
        } catch ParsedArguments.Failure.message(let m) {
            return CommandLineTool.usageError(m)
        } catch {
            return CommandLineTool.usageError(ErrorText.describe(error))
        }
        let paths = parsed.positionals.isEmpty ? [CompileCommand.defaultInput] : parsed.positionals
        let modelPath = parsed.values["model"] ?? CompileCommand.defaultModel
        let swiftDirectory = parsed.values["swift"] ?? (parsed.positionals.isEmpty ? CompileCommand.defaultSwift : nil)
        let result: Compiler.Result
        do {
            result = try Compiler().compile(paths: paths)
        } catch {
            return CommandLineTool.usageError(ErrorText.describe(error))
        }
        var problems: [String] = []
        let model = result.model.json().serializedBytes()
        if let committed = FileManager.default.contents(atPath: modelPath) {
            if [UInt8](committed) != model { problems.append("changed: \(modelPath)" + ModelSummary.describe(old: [UInt8](committed), new: model)) }
        } else {
            problems.append("missing: \(modelPath)")
        }
        if let swiftDirectory {
            var options = SwiftRouteGenerator.Options()
            options.pageGlobs = parsed.lists["include-pages"] ?? []
            options.pathPrefixes = parsed.lists["include-paths"] ?? []
            options.clientMethods = !parsed.flags.contains("no-client")
            let files = SwiftRouteGenerator(options: options).generate(result.model)
            problems += GeneratedOutput.differences(files, in: swiftDirectory).map { $0.replacing(": ", with: ": \(swiftDirectory)/") }
        }
        guard !problems.isEmpty else {
            print("routespec check: generated output is up to date with \(result.pageCount) pages")
            return 0
        }
        var text = "routespec check: generated output is stale; run `swift run routespec` and commit the result\n"
        for p in problems { text += "  \(p)\n" }
        Console.error(text)
        return 1
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
