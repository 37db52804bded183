import Foundation
import RouteSpecShared
import RouteSpecCore

/// `routespec permissions [ROUTE...] [--routes FILE] [--model FILE | --pages PATH] [--api-version v1.0|beta]`.
enum PermissionsCommand {
    static let definition = CommandDefinition(
        name: "permissions",
        help: """
          permissions [ROUTE...] [--routes FILE] [--model FILE | --pages PATH] [--api-version v1.0|beta]
                      [--granted NAME,NAME... | --token FILE] [--scheme SCHEME] [--format markdown|json]
                      [--fail-on over-privileged|missing|any]
              Per scheme, each route's least privileged permission (with the page and line that say
              so) and the smallest set covering every route the app calls ("GET /me/messages", one
              per line in FILE; "POST /x [user]" picks a variant). With a grant (names, or a JWT
              whose scp and roles claims are read, its signature not checked): the permissions no
              route needs, the routes not covered, and the smallest change. --fail-on exits 1 on
              such findings; SCHEME is delegatedWork (default for names and scp), delegatedPersonal
              or application (default for roles).

        """,
        valueOptions: ["routes", "model", "pages", "api-version", "granted", "token", "scheme", "format", "fail-on"],
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
            model = try CommandLineTool.loadModel(parsed.values["model"] ?? parsed.values["pages"] ?? CompileCommand.defaultModel, console: console).0
        } catch {
            return definition.fail(ErrorText.describe(error), console)
        }
        let format = parsed.values["format"] ?? "markdown"
        guard ["markdown", "json"].contains(format) else { return definition.fail("--format is markdown or json", console) }
        let failOn = parsed.values["fail-on"]
        guard failOn == nil || ["over-privileged", "missing", "any"].contains(failOn!) else {
            return definition.fail("--fail-on is over-privileged, missing or any", console)
        }
        var granted: [String]? = parsed.values["granted"].map { $0.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty } }
        var scheme = SchemeKind.delegatedWork
        var origin: String? = nil
        if let file = parsed.values["token"] {
            guard granted == nil else { return definition.fail("--granted and --token exclude each other", console) }
            guard let bytes = FileBytes.read(file) else { return definition.fail("cannot read \(file)", console) }
            do {
                let claims = try TokenClaims(jwt: String(decoding: bytes, as: UTF8.self))
                if claims.delegated.isEmpty && !claims.application.isEmpty { scheme = .application }
                granted = scheme == .application ? claims.application : claims.delegated
                origin = "the token's \(scheme == .application ? "roles" : "scp") claim; its signature is not checked"
            } catch {
                return definition.fail("\(file): \(ErrorText.describe(error))", console)
            }
        }
        if let name = parsed.values["scheme"] {
            guard let kind = SchemeKind(rawValue: name) else { return definition.fail("--scheme is delegatedWork, delegatedPersonal or application", console) }
            scheme = kind
        }
        guard failOn == nil || granted != nil else { return definition.fail("--fail-on needs a grant (--granted or --token)", console) }
        let plan = PermissionPlanner(model: model, apiVersion: version).plan(requests)
        let audit = granted.map { names -> GrantAudit in
            var audit = GrantAudit(plan: plan, scheme: scheme, granted: names)
            audit.origin = origin
            return audit
        }
        if format == "json" {
            console.output(PermissionPlanReport.json(plan, audit: audit).serializedBytes())
        } else {
            console.output(PermissionPlanReport.text(plan) + (audit.map { "\n" + PermissionPlanReport.text($0) } ?? ""))
        }
        let failed: Bool
        switch failOn {
        case "over-privileged": failed = !(audit?.overPrivileged.isEmpty ?? true)
        case "missing": failed = !(audit?.missing.isEmpty ?? true)
        case "any": failed = !(audit?.isClean ?? true)
        default: failed = false
        }
        return plan.unmatched.isEmpty && !failed ? 0 : 1
    }
}
