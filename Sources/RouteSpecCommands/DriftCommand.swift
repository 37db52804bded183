import Foundation
import RouteSpecCore

/// `routespec drift [--model FILE | --pages PATH] [--format markdown|json]`.
enum DriftCommand {
    static let definition = CommandDefinition(
        name: "drift",
        help: """
          drift [--model FILE | --pages PATH] [--format markdown|json]
              The operations documented in both v1.0 and beta, side by side: routes and permissions
              that differ, and routes only in one version.

        """,
        valueOptions: ["model", "pages", "format"],
        flagOptions: [],
        run: run)

    static func run(_ parsed: ParsedArguments, _ console: Console) -> Int32 {
        let format = parsed.values["format"] ?? "markdown"
        guard ["markdown", "json"].contains(format) else { return definition.fail("--format is markdown or json", console) }
        let model: Model
        do {
            model = try CommandLineTool.loadModel(parsed.values["model"] ?? parsed.values["pages"] ?? parsed.positionals.first ?? CompileCommand.defaultModel, console: console).0
        } catch {
            return definition.fail(ErrorText.describe(error), console)
        }
        let report = VersionDrift.compare(model)
        let text = format == "json" ? VersionDrift.json(report).serialized() : VersionDrift.markdown(report)
        console.output(text)
        return 0
    }
}
