import Foundation
import RouteSpecCore

/// `routespec permissions [ROUTE...] [--routes FILE] [--model FILE | --pages PATH] [--api-version v1.0|beta]`.
enum PermissionsCommand {
    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, valueOptions: ["routes", "model", "pages", "api-version"], flagOptions: [])
        } catch {
            return CommandLineTool.usageError(ErrorText.describe(error))
        }
        var lines = parsed.positionals
        if let file = parsed.values["routes"] {
            // Read as the pages are (a pipe or `/dev/stdin` included), not with `String(contentsOfFile:)`.
            guard let text = FileBytes.read(file).map({ String(decoding: $0, as: UTF8.self) }) else { return CommandLineTool.usageError("cannot read \(file)") }
            lines += text.split(whereSeparator: \.isNewline).map(String.init)
        }
        var requests: [PermissionPlanner.Request] = []
        for line in lines {
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let r = PermissionPlanner.Request(line: trimmed) else { return CommandLineTool.usageError("not a route: '\(line)' (write 'GET /me/messages')") }
            requests.append(r)
        }
        guard !requests.isEmpty else { return CommandLineTool.usageError("permissions needs routes ('GET /me' as arguments or --routes FILE)") }
        guard let version = ApiVersion(rawValue: parsed.values["api-version"] ?? "v1.0") else {
            return CommandLineTool.usageError("--api-version is v1.0 or beta")
        }
        let model: Model
        do {
            model = try ModelSource.load(parsed.values["model"] ?? parsed.values["pages"] ?? CompileCommand.defaultModel)
        } catch {
            return CommandLineTool.usageError(ErrorText.describe(error))
        }
        let plan = PermissionPlanner(model: model, apiVersion: version).plan(requests)
        Console.output(PermissionPlanReport.text(plan))
        return plan.unmatched.isEmpty ? 0 : 1
    }
}
