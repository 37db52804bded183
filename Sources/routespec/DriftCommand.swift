import Foundation
import RouteSpecCore

/// `routespec drift [--model FILE | --pages PATH] [--format markdown|json]`.
enum DriftCommand {
    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, valueOptions: ["model", "pages", "format"], flagOptions: [])
        } catch {
            return CommandLineTool.usageError(ErrorText.describe(error))
        }
        let format = parsed.values["format"] ?? "markdown"
        guard ["markdown", "json"].contains(format) else { return CommandLineTool.usageError("--format is markdown or json") }
        let model: Model
        do {
            model = try ModelSource.load(parsed.values["model"] ?? parsed.values["pages"] ?? parsed.positionals.first ?? CompileCommand.defaultModel)
        } catch {
            return CommandLineTool.usageError(ErrorText.describe(error))
        }
        let report = VersionDrift.compare(model)
        let text = format == "json" ? VersionDrift.json(report).serialized() : VersionDrift.markdown(report)
        Console.output(text)
        return 0
    }
}
