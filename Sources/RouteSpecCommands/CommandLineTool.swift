import Foundation
import RouteSpecCore

/// `routespec <command> …`: dispatch, help and exit codes (0 fine, 1 errors in the input, 2 usage).
public enum CommandLineTool {
    static let version = "routespec 0.1.0 (model schemaVersion \(Model.schemaVersion))"

    /// How to run this tool again, for messages that print a command: `swift run routespec` when
    /// it was built by SwiftPM, else as it was invoked.
    static let invocation: String = {
        let path = CommandLine.arguments.first ?? "routespec"
        return path.contains("/.build/") || path.hasPrefix(".build/") ? "swift run routespec" : path
    }()

    /// A command line a shell reads back as these words.
    static func shellLine(_ words: [String]) -> String {
        words.map { word in
            let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:@+".unicodeScalars.contains($0) }
            return plain ? word : "'" + word.replacing("'", with: #"'\''"#) + "'"
        }.joined(separator: " ")
    }

    static let commands: [CommandDefinition] = [
        CompileCommand.definition, CheckCommand.definition, DiffCommand.definition,
        PermissionsCommand.definition, DriftCommand.definition,
    ]

    static var usage: String {
        """
        usage: routespec <command> [options]     (no command: compile spec/ into generated/)

        commands:

        \(commands.map(\.help).joined(separator: "\n"))
        Diagnostics print as path:line:col: severity: message [code]. Exit status: 0 without
        errors, 1 with errors (the model is still written), 2 on usage errors.
        `routespec <command> --help` shows one command; `routespec --version` the version.

        """
    }

    public static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else { return CompileCommand.definition.invoke([], console: console) }
        switch first {
        case "--help", "-h", "help":
            if let name = arguments.dropFirst().first, let command = commands.first(where: { $0.name == name }) {
                console.output(command.help)
            } else {
                console.output(usage)
            }
            return 0
        case "--version":
            console.output(version + "\n")
            return 0
        default:
            break
        }
        if let command = commands.first(where: { $0.name == first }) {
            return command.invoke(Array(arguments.dropFirst()), console: console)
        }
        // `routespec PAGES…` and `routespec --model m.json` compile.
        if first.hasPrefix("-") || first.hasSuffix(".md") || FileManager.default.fileExists(atPath: first) {
            return CompileCommand.definition.invoke(arguments, console: console)
        }
        let names = commands.map(\.name)
        if let meant = EditDistance.closest(to: first, among: names) {
            return usageError("unknown command '\(first)'; did you mean '\(meant)'?", console: console)
        }
        return usageError("'\(first)' is neither a command (\(names.joined(separator: ", "))) nor a file or folder", console: console)
    }

    /// One line saying what is wrong, one saying where help is; exit status 2.
    static func usageError(_ message: String, command: String? = nil, console: Console) -> Int32 {
        let name = command.map { "routespec \($0)" } ?? "routespec"
        console.error("\(name): \(VisibleText.escaped(message))\nsee '\(name) --help'\n")
        return 2
    }

    /// A review command's input: a model file, or pages compiled on the spot, whose errors and
    /// warnings are printed (a diff of pages that did not compile cleanly must not look clean).
    /// The second value: whether the pages had errors.
    static func loadModel(_ path: String, console: Console) throws -> (Model, Bool) {
        let model = try ModelSource.load(path)
        guard !path.hasSuffix(".json") else { return (model, false) }
        printDiagnostics(model.diagnostics, verbose: false, console: console)
        let errors = model.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { console.error("routespec: \(path): \(counted(errors, "error")) in the pages; their facts are missing from what follows\n") }
        return (model, errors > 0)
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], verbose: Bool, console: Console) {
        var text = ""
        for d in diagnostics where verbose || d.severity != .note {
            text += d.formatted + "\n"
        }
        console.error(text)
    }
}

/// A command: its name, its help text, the options it takes and what it does with them.
struct CommandDefinition: Sendable {
    let name: String
    let help: String
    let valueOptions: [String]
    let flagOptions: [String]
    let run: @Sendable (ParsedArguments, Console) -> Int32

    func invoke(_ arguments: [String], console: Console) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            console.output(help)
            return 0
        }
        do {
            var parsed = try ParsedArguments(arguments.map { ParsedArguments.Word($0) }, for: self)
            parsed.given = arguments
            return run(parsed, console)
        } catch {
            return error.report(command: name, console: console)
        }
    }

    /// Quits with a usage error: `return command.fail("…", console)`.
    func fail(_ message: String, _ console: Console) -> Int32 {
        CommandLineTool.usageError(message, command: name, console: console)
    }
}

/// Option parsing shared by the commands: `--name value`, `--name=value`, `--flag`, positionals,
/// and `--options FILE` (words read from a file, as the build plugin's `routespec.options`).
struct ParsedArguments {
    /// One argument, and where it was written when it came from an options file.
    struct Word {
        var text: String
        var origin: (file: String, line: Int, column: Int)?
        init(_ text: String, origin: (file: String, line: Int, column: Int)? = nil) {
            self.text = text
            self.origin = origin
        }
    }

    struct Failure: Error {
        var message: String
        var origin: (file: String, line: Int, column: Int)?

        func report(command: String, console: Console) -> Int32 {
            guard let origin else { return CommandLineTool.usageError(message, command: command, console: console) }
            let d = Diagnostic(.error, "unknown-option", message, path: origin.file, line: origin.line, column: origin.column)
            console.error(d.formatted + "\nsee 'routespec \(command) --help'\n")
            return 2
        }
    }

    /// The command-line words as given (an options file not expanded).
    var given: [String] = []
    var positionals: [String] = []
    var values: [String: String] = [:]
    /// Every value of an option given more than once (`--include-paths A --include-paths B`).
    var lists: [String: [String]] = [:]
    var flags: Set<String> = []

    init() {}

    init(_ words: [Word], for command: CommandDefinition) throws(Failure) {
        var i = 0
        while i < words.count {
            let word = words[i]
            let a = word.text
            guard a.hasPrefix("--") else {
                if word.origin != nil { throw Failure(message: "an options file holds options only, not '\(a)'", origin: word.origin) }
                positionals.append(a)
                i += 1
                continue
            }
            var name = String(a.dropFirst(2))
            var inlineValue: String? = nil
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if name == "options" && command.valueOptions.contains("options") {
                guard word.origin == nil else { throw Failure(message: "an options file cannot name another", origin: word.origin) }
                guard let file = inlineValue ?? (i + 1 < words.count ? words[i + 1].text : nil) else {
                    throw Failure(message: "--options needs a value")
                }
                // The file's words come first: what the command line says wins.
                let rest = Array(words[(inlineValue == nil ? i + 2 : i + 1)...])
                self = try ParsedArguments(Array(words[..<i]) + Self.words(inFile: file) + rest, for: command)
                return
            }
            if command.valueOptions.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard i + 1 < words.count else { throw Failure(message: "--\(name) needs a value", origin: word.origin) }
                    value = words[i + 1].text
                    i += 1
                }
                values[name] = value
                lists[name, default: []].append(value)
            } else if command.flagOptions.contains(name) {
                flags.insert(name)
            } else {
                let known = command.valueOptions + command.flagOptions
                let meant = EditDistance.closest(to: name, among: known).map { "; did you mean '--\($0)'?" } ?? ""
                throw Failure(message: "unknown option '\(a)'" + meant, origin: word.origin)
            }
            i += 1
        }
    }

    /// The words of an options file, `#` to the end of a line being a comment.
    static func words(inFile path: String) throws(Failure) -> [Word] {
        guard let bytes = FileBytes.read(path) else { throw Failure(message: "cannot read the options file \(path)") }
        var words: [Word] = []
        for (lineIndex, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.prefix { $0 != "#" }
            var column = 1, start: Int? = nil, current = ""
            for character in content + " " {
                if character.isWhitespace {
                    if let s = start { words.append(Word(current, origin: (path, lineIndex + 1, s))) }
                    start = nil
                    current = ""
                } else {
                    if start == nil { start = column }
                    current.append(character)
                }
                column += character.utf8.count
            }
        }
        return words
    }
}
