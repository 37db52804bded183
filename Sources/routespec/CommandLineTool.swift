import Foundation
import RouteSpecCore

/// `routespec <command> …`: dispatch, usage and exit codes (0 fine, 1 errors in the input, 2 usage).
enum CommandLineTool {
    static let usage = """
    usage: routespec <command> [options]

    commands:
      compile [PATH...] [--model FILE] [--swift DIR] [--include-pages GLOB]... [--include-paths PREFIX]...
              [--no-client] [--fixed-files] [--catalog FILE] [--jobs N] [--verbose] [--quiet]
          Read every .md page under PATH (files or folders), write the JSON model and, with
          --swift, the Swift route code. With no PATH: compile spec/ into generated/
          (generated/model.json and generated/GraphRoutes/). --fixed-files writes one file per
          version whatever the pages (for build plugins).

      check [PATH...] [--model FILE] [--swift DIR] [selection options as for compile]
          Exit 1, listing what differs, when the committed model or Swift is stale against the
          pages (with no PATH: spec/ against generated/). For CI.

      diff OLD NEW [--format markdown|json] [--fail-on widening|narrowing|any] [--catalog FILE] [--output FILE]
          What changed between two models or page folders, per operation and route: routes,
          methods, status codes and permissions per scheme, classified widening / narrowing /
          neutral (widening first). --fail-on exits 1 when such a change exists (CI gates).

      permissions [ROUTE...] [--routes FILE] [--model FILE | --pages PATH] [--api-version v1.0|beta]
          The smallest set of least-privileged permissions per scheme covering the routes an app
          calls ("GET /me/messages", one per line in FILE), and which routes force more.

      drift [--model FILE | --pages PATH] [--format markdown|json]
          The operations documented in both v1.0 and beta, side by side: routes and permissions
          that differ, and routes only in one version.

      compile and diff take --catalog FILE (permissions.json): unknown permission names get a
      warning with a did-you-mean; with compile, routes where page and catalog differ get notes.

    Diagnostics print as path:line:col: severity: message [code]. Exit status: 0 without
    errors, 1 with errors (the model is still written), 2 on usage errors.
    """

    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            return CompileCommand.run([])
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "compile": return CompileCommand.run(rest)
        case "check": return CheckCommand.run(rest)
        case "diff": return DiffCommand.run(rest)
        case "permissions": return PermissionsCommand.run(rest)
        case "drift": return DriftCommand.run(rest)
        case "help", "--help", "-h":
            print(usage)
            return 0
        default:
            if command.hasPrefix("-") || command.hasSuffix(".md") || FileManager.default.fileExists(atPath: command) {
                return CompileCommand.run(arguments)
            }
            return usageError("unknown command '\(command)'")
        }
    }

    static func usageError(_ message: String) -> Int32 {
        Console.error("routespec: \(message)\n\n\(usage)\n")
        return 2
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], verbose: Bool) {
        var text = ""
        for d in diagnostics where verbose || d.severity != .note {
            text += d.formatted + "\n"
        }
        Console.error(text)
    }
}

/// Minimal option parsing shared by the commands: `--name value`, `--flag`, positionals.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    /// Every value of an option given more than once (`--include-paths A --include-paths B`).
    var lists: [String: [String]] = [:]
    var flags: Set<String> = []

    enum Failure: Error { case message(String) }

    init(_ arguments: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a.hasPrefix("--") {
                let name: String
                var inlineValue: String? = nil
                if let eq = a.firstIndex(of: "=") {
                    name = String(a[a.index(a.startIndex, offsetBy: 2)..<eq])
                    inlineValue = String(a[a.index(after: eq)...])
                } else {
                    name = String(a.dropFirst(2))
                }
                if valueOptions.contains(name) {
                    let v: String
                    if let inlineValue {
                        v = inlineValue
                    } else {
                        guard i + 1 < arguments.count else { throw Failure.message("--\(name) needs a value") }
                        v = arguments[i + 1]
                        i += 1
                    }
                    values[name] = v
                    lists[name, default: []].append(v)
                } else if flagOptions.contains(name) {
                    flags.insert(name)
                } else {
                    throw Failure.message("unknown option '\(a)'")
                }
            } else {
                positionals.append(a)
            }
            i += 1
        }
    }
}
