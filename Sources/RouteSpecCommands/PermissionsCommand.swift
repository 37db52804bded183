import Foundation
import RouteSpecCore

/// `routespec permissions [ROUTE...] [--routes FILE] [--model FILE | --pages PATH] [--api-version v1.0|beta]`.
enum PermissionsCommand {
    static let definition = CommandDefinition(
        name: "permissions",
        help: """
          permissions [ROUTE...] [--routes FILE] [--model FILE | --pages PATH] [--api-version v1.0|beta]
              The smallest set of least-privileged permissions per scheme covering the routes an app
              calls ("GET /me/messages", one per line in FILE), and which routes force more.

        """,
        valueOptions: ["routes", "model", "pages", "api-version"],
        flagOptions: [],
        run: run)

    static func run(_ parsed: ParsedArguments, _ console: Console) -> Int32 {
        var lines = parsed.positionals
        if let file = parsed.values["routes"] {
            // Read as the pages are (a pipe or `/dev/stdin` included), not with `String(contentsOfFile:)`.
            guard let text = FileBytes.read(file).map({ String(decoding: $0, as: UTF8.self) }) else { return definition.fail("cannot read \(file)", console) }
            lines += text.split(whereSeparator: \.isNewline).map(String.init)
        }
        var requests: [PermissionPlanner.Request] = []
        for line in lines {
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let r = PermissionPlanner.Request(line: trimmed) else { return definition.fail("not a route: '\(line)' (write 'GET /me/messages')", console) }
            requests.append(r)
        }
        guard !requests.isEmpty else { return definition.fail("permissions needs routes ('GET /me' as arguments or --routes FILE)", console) }
        guard let version = ApiVersion(rawValue: parsed.values["api-version"] ?? "v1.0") else {
            return definition.fail("--api-version is v1.0 or beta", console)
        }
        let model: Model
        do {
            model = try ModelSource.load(parsed.values["model"] ?? parsed.values["pages"] ?? CompileCommand.defaultModel)
        } catch {
            return definition.fail(ErrorText.describe(error), console)
        }
        let plan = PermissionPlanner(model: model, apiVersion: version).plan(requests)
        console.output(PermissionPlanReport.text(plan))
        return plan.unmatched.isEmpty ? 0 : 1
    }
}
