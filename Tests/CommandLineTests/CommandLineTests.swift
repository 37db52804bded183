import Foundation
import Testing
@testable import RouteSpecCommands

/// What a person sees from `routespec`: the exit status and the text on each stream.
struct Run {
    var status: Int32
    var output: String
    var error: String
    var errorLines: [Substring] { error.split(separator: "\n") }
}

/// Collects what a command writes (commands may write from several threads).
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var output: [UInt8] = []
    private var error: [UInt8] = []

    var console: Console {
        Console(output: { bytes in self.lock.lock(); self.output += bytes; self.lock.unlock() },
                error: { bytes in self.lock.lock(); self.error += bytes; self.lock.unlock() })
    }

    var texts: (String, String) {
        lock.lock()
        defer { lock.unlock() }
        return (String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}

func routespec(_ arguments: String...) -> Run { routespec(arguments) }

func routespec(_ arguments: [String]) -> Run {
    let captured = Captured()
    let status = CommandLineTool.run(arguments, console: captured.console)
    let (output, error) = captured.texts
    return Run(status: status, output: output, error: error)
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let spec = packageRoot + "/spec"

/// A fresh folder, removed when the test ends.
final class Scratch {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-cli-\(UUID().uuidString)").path
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + relative) }
}

@Suite struct UsageErrors {
    @Test func aMistypedOptionGetsOneLineWithADidYouMeanAndExit2() {
        let run = routespec("--modle", "x")
        #expect(run.status == 2)
        #expect(run.errorLines == ["routespec compile: unknown option '--modle'; did you mean '--model'?", "see 'routespec compile --help'"])
        #expect(run.output.isEmpty)
    }

    @Test func aMistypedCommandGetsADidYouMean() {
        let run = routespec("compiel")
        #expect(run.status == 2)
        #expect(run.errorLines == ["routespec: unknown command 'compiel'; did you mean 'compile'?", "see 'routespec --help'"])
        #expect(routespec("drfit").errorLines.first == "routespec: unknown command 'drfit'; did you mean 'drift'?")
    }

    @Test func aWordThatIsNeitherCommandNorPathSaysSo() {
        let run = routespec("zzzz")
        #expect(run.status == 2)
        #expect(run.errorLines.first == "routespec: 'zzzz' is neither a command (compile, check, diff, permissions, drift) nor a file or folder")
    }

    @Test func aMissingPathIsOneLine() {
        let run = routespec("compile", "/no/such/pages")
        #expect(run.status == 2)
        #expect(run.errorLines == ["routespec compile: no such file or folder: /no/such/pages", "see 'routespec compile --help'"])
    }

    @Test func aBadValueNamesIt() {
        #expect(routespec("compile", spec, "--jobs", "many").errorLines.first == "routespec compile: --jobs takes a whole number ≥ 1, not 'many'")
        #expect(routespec("diff", "a").errorLines.first == "routespec diff: diff takes OLD and NEW (model files or page folders)")
        #expect(routespec("compile", "--model").errorLines.first == "routespec compile: --model needs a value")
    }

    @Test func versionAndHelpExit0() {
        let version = routespec("--version")
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("routespec 0.1.0 (model schemaVersion 1)"))
        let help = routespec("--help")
        #expect(help.status == 0)
        for command in ["compile", "check", "diff", "permissions", "drift"] { #expect(help.output.contains("\n  \(command) ")) }
        let compileHelp = routespec("compile", "--help")
        #expect(compileHelp.status == 0)
        #expect(compileHelp.output.hasPrefix("  compile [PATH...]"))
        #expect(!compileHelp.output.contains("drift"))
        #expect(routespec("help", "diff").output.hasPrefix("  diff OLD NEW"))
    }

    @Test func optionSuggestionsAreTheCommandsOwn() {
        #expect(routespec("diff", "a", "b", "--fail-onn", "any").errorLines.first == "routespec diff: unknown option '--fail-onn'; did you mean '--fail-on'?")
        // `--quiet` is compile's, not diff's: no suggestion from another command.
        #expect(routespec("diff", "a", "b", "--quiett").errorLines.first == "routespec diff: unknown option '--quiett'")
    }
}

@Suite struct OptionsFiles {
    @Test func anUnknownKeyIsReportedAtItsLineAndColumn() throws {
        let scratch = try Scratch()
        try scratch.write("routespec.options", "# what the Swift holds\n  --no-client --include-path /deviceManagement\n")
        let run = routespec("compile", spec, "--options", scratch.path + "/routespec.options", "--model", scratch.path + "/m.json")
        #expect(run.status == 2)
        #expect(run.errorLines == [
            "\(scratch.path)/routespec.options:2:15: error: unknown option '--include-path'; did you mean '--include-paths'? [unknown-option]",
            "see 'routespec compile --help'",
        ])
        #expect(!scratch.exists("m.json"))
    }

    @Test func itsOptionsApplyAndTheCommandLineAddsToThem() throws {
        let scratch = try Scratch()
        try scratch.write("routespec.options", "--include-paths /deviceManagement # only these\n--no-client\n")
        let run = routespec("compile", spec, "--options", scratch.path + "/routespec.options", "--swift", scratch.path + "/Swift", "--quiet")
        #expect(run.status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: scratch.path + "/Swift").filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.contains("v1.0/GraphV1+DeviceManagement.swift"))
        #expect(!files.contains { $0.contains("Users") })
    }

    @Test func aPathInAnOptionsFileIsRefused() throws {
        let scratch = try Scratch()
        try scratch.write("routespec.options", "pages/\n")
        let run = routespec("compile", spec, "--options", scratch.path + "/routespec.options")
        #expect(run.status == 2)
        #expect(run.errorLines.first == "\(scratch.path)/routespec.options:1:1: error: an options file holds options only, not 'pages/' [unknown-option]")
    }
}

@Suite struct Outputs {
    @Test func aFolderWithoutPagesWarnsAndWritesNothing() throws {
        let scratch = try Scratch()
        try scratch.write("pages/readme.txt", "not a page")
        let run = routespec("compile", scratch.path + "/pages", "--model", scratch.path + "/out/m.json", "--swift", scratch.path + "/out/Swift")
        #expect(run.status == 0)
        #expect(run.errorLines == ["routespec: warning: no pages (.md files) found under \(scratch.path)/pages; nothing written"])
        #expect(!scratch.exists("out"))
    }

    @Test func missingOutputFoldersAreMadeAndNamed() throws {
        let scratch = try Scratch()
        let run = routespec("compile", spec, "--model", scratch.path + "/a/b/m.json", "--swift", scratch.path + "/c/Swift")
        #expect(run.status == 0)
        #expect(run.error.contains("routespec: made the folder \(scratch.path)/a/b\n"))
        #expect(run.error.contains("routespec: made the folder \(scratch.path)/c/Swift\n"))
        #expect(scratch.exists("a/b/m.json"))
    }

    @Test func theSummaryNamesBothOutputsWithCountsInWords() throws {
        let scratch = try Scratch()
        let first = routespec("compile", spec + "/ru-RU/recoverpasscode.md", "--model", scratch.path + "/m.json", "--swift", scratch.path + "/Swift")
        #expect(first.errorLines.last == "routespec: 1 page → 1 operation; 0 errors, 1 warning, 0 notes → \(scratch.path)/m.json, \(scratch.path)/Swift/ (5 Swift files, 5 written)")
        let again = routespec("compile", spec + "/ru-RU/recoverpasscode.md", "--model", scratch.path + "/m.json", "--swift", scratch.path + "/Swift")
        #expect(again.errorLines.last?.hasSuffix("\(scratch.path)/Swift/ (5 Swift files, unchanged)") == true)
    }

    @Test func docsTextReachesTheTerminalEscaped() throws {
        let scratch = try Scratch()
        let page = try String(contentsOfFile: spec + "/ru-RU/recoverpasscode.md", encoding: .utf8)
            .replacing("## HTTP", with: "## HTTP \u{1B}]0;pwned\u{07}\u{202E}")
            .replacing("POST /deviceManagement", with: "GIT /deviceManagement")
        try scratch.write("p\u{1B}[31m.md", page)
        let run = routespec("compile", scratch.path, "--model", scratch.path + "/m.json")
        #expect(!run.error.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
        #expect(run.error.contains(#"p\u{1b}[31m.md:"#))
    }
}

@Suite struct Check {
    @Test func aStaleCheckPrintsTheCompileThatRegeneratesWhatItChecked() throws {
        let scratch = try Scratch()
        try FileManager.default.copyItem(atPath: spec, toPath: scratch.path + "/pages")
        let arguments = [scratch.path + "/pages", "--model", scratch.path + "/out/m.json", "--swift", scratch.path + "/out/Swift", "--no-client"]
        let stale = routespec(["check"] + arguments)
        #expect(stale.status == 1)
        let command = try #require(stale.errorLines.dropFirst().first)
        let words = command.split(separator: " ").map(String.init)
        #expect(Array(words.drop { $0 != "compile" }) == ["compile"] + arguments)
        #expect(routespec(Array(words.drop { $0 != "compile" })).status == 0)
        let fresh = routespec(["check"] + arguments)
        #expect(fresh.status == 0)
        #expect(fresh.output == "routespec check: generated output is up to date with 5 pages\n")
    }

    @Test func theRegenerateCommandAddsTheModelCheckDefaultsTo() {
        var parsed = ParsedArguments()
        parsed.given = ["pages", "--swift", "out/Swift"]
        #expect(CheckCommand.regenerate(parsed, modelPath: "generated/model.json").hasSuffix(" compile pages --swift out/Swift --model generated/model.json"))
        #expect(CommandLineTool.shellLine(["a b", "it's", "plain/x.md"]) == #"'a b' 'it'\''s' plain/x.md"#)
    }
}

@Suite struct Permissions {
    let route = "POST /deviceManagement/managedDevices/d1/resetPasscode"

    @Test func aTokensRolesAreAuditedAndGateTheExit() throws {
        let scratch = try Scratch()
        #expect(routespec("compile", spec, "--model", scratch.path + "/m.json", "--quiet").status == 0)
        let payload = Data(#"{"roles":["DeviceManagementManagedDevices.PrivilegedOperations.All","User.Read.All"]}"#.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        try scratch.write("token.jwt", "eyJhbGciOiJub25lIn0.\(payload).sig\n")
        let run = routespec("permissions", route, "--model", scratch.path + "/m.json", "--token", scratch.path + "/token.jwt", "--fail-on", "over-privileged")
        #expect(run.status == 1)
        #expect(run.output.contains("**Grant** (application): DeviceManagementManagedDevices.PrivilegedOperations.All, User.Read.All (the token's roles claim; its signature is not checked)"))
        #expect(run.output.contains("- over-privileged: User.Read.All (no route called needs it)\n- smallest change: remove User.Read.All"))
        let json = routespec("permissions", route, "--model", scratch.path + "/m.json", "--granted", "DeviceManagementManagedDevices.PrivilegedOperations.All",
                             "--scheme", "application", "--format", "json", "--fail-on", "any")
        #expect(json.status == 0)
        #expect(json.output.contains("\"overPrivileged\": []") && json.output.contains("\"scheme\": \"application\""))
        #expect(routespec("permissions", route, "--model", scratch.path + "/m.json", "--fail-on", "any").errorLines.first
                == "routespec permissions: --fail-on needs a grant (--granted or --token)")
    }
}

@Suite struct ReviewInputs {
    /// A diff of pages that do not compile cleanly must not look clean.
    @Test func aDiffOfPagesWithErrorsSaysSoAndFails() throws {
        let scratch = try Scratch()
        try scratch.write("old/a.md", "---\ndoc_type: apiPageType\n---\n# <a name=\"a\"></a>A\n## <a name=\"http-request\"></a>HTTP request\nNo routes.\n")
        try scratch.write("new/a.md", "---\ndoc_type: apiPageType\n---\n# <a name=\"a\"></a>A\n## <a name=\"http-request\"></a>HTTP request\nNo routes.\n")
        let run = routespec("diff", scratch.path + "/old", scratch.path + "/new", "--fail-on", "any")
        #expect(run.status == 1)
        #expect(run.error.contains("error: the HTTP request section has no route lines"))
        #expect(run.error.contains("routespec: \(scratch.path)/old: 1 error in the pages; their facts are missing from what follows"))
    }

    @Test func aMissingModelSaysHowToMakeOne() {
        let run = routespec("permissions", "GET /me", "--model", "/no/model.json")
        #expect(run.status == 2)
        #expect(run.errorLines.first == "routespec permissions: no model at /no/model.json: make one with `routespec compile PAGES --model /no/model.json`, or give the pages' folder instead")
    }
}
