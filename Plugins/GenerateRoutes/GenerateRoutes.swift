import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-routes [PATH...] [--target NAME]... [compile options]`
/// writes the model and Swift into the package, for teams that commit and review the generated
/// code; `routespec check` in CI then fails when it is stale. The options are `routespec compile`'s.
///
/// With no PATH, each target with a `routespec/` folder of pages (or each `--target`) gets its
/// Swift in `Sources/<Target>/GraphRoutes/`, where the target compiles it, and its model in
/// `routespec/model.json`, the folder the target excludes; a package without such targets
/// compiles `spec/` into `generated/`.
@main
struct GenerateRoutes: CommandPlugin {
    struct Job {
        var arguments: [String]
        var target: String?
    }

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let root = context.package.directoryURL
        let rest = extractor.remainingArguments
        // Pages are the words that are neither options nor the values of `compile`'s value options.
        let valueOptions: Set<String> = ["--model", "--swift", "--include-pages", "--include-paths", "--catalog", "--options", "--jobs"]
        let pagesGiven = rest.indices.contains { i in !rest[i].hasPrefix("-") && (i == 0 || !valueOptions.contains(rest[i - 1])) }
        let givesPages = pagesGiven || rest.contains("--model") || rest.contains("--swift")
        var jobs: [Job] = []
        if givesPages && targetNames.isEmpty {
            jobs = [Job(arguments: ["compile"] + rest, target: nil)]
        } else {
            let targets = context.package.targets.compactMap { $0 as? SourceModuleTarget }
                .filter { targetNames.isEmpty ? hasPages($0) : targetNames.contains($0.name) }
            for name in targetNames where !targets.contains(where: { $0.name == name }) {
                let known = context.package.targets.map(\.name).sorted().joined(separator: ", ")
                Diagnostics.error("RouteSpec: no target '\(name)' in this package (its targets: \(known))")
                return
            }
            for target in targets {
                let folder = relative(target.directoryURL, to: root)
                var words = ["compile", folder + "/routespec", "--model", folder + "/routespec/model.json", "--swift", folder + "/GraphRoutes"]
                if FileManager.default.fileExists(atPath: target.directoryURL.appending(path: "routespec/routespec.options").path) {
                    words += ["--options", folder + "/routespec/routespec.options"]
                }
                jobs.append(Job(arguments: words + rest, target: target.name))
            }
            if jobs.isEmpty {
                guard FileManager.default.fileExists(atPath: root.appending(path: "spec").path) else {
                    Diagnostics.error("RouteSpec: no pages found: put them in Sources/<Target>/routespec/, or give their folder (generate-routes PATH)")
                    return
                }
                jobs = [Job(arguments: ["compile"] + rest, target: nil)]
            }
        }
        let tool = try context.tool(named: "routespec").url
        for job in jobs {
            let status = try run(tool, job.arguments, in: root)
            guard status == 0 else {
                Diagnostics.error("RouteSpec: `routespec \(job.arguments.joined(separator: " "))` failed (status \(status))")
                return
            }
            if let target = job.target {
                let check = ["check"] + job.arguments.dropFirst().filter { $0 != "--quiet" && $0 != "--verbose" }
                print("RouteSpec: target '\(target)' now compiles the committed routes; remove RouteSpecBuildPlugin from its plugins if it has it.")
                print("RouteSpec: in CI, `swift run routespec \(check.joined(separator: " "))` fails when they are stale.")
            }
        }
    }

    private func hasPages(_ target: SourceModuleTarget) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: target.directoryURL.appending(path: "routespec").path, isDirectory: &isFolder) && isFolder.boolValue
    }

    private func relative(_ url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// Runs the tool in the package folder and passes on what it printed to standard error as
    /// SwiftPM diagnostics (`path:line:col: severity: message` with its file and line), in order.
    private func run(_ tool: URL, _ arguments: [String], in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let failed = process.terminationStatus != 0
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 5, let number = Int(parts[1]), Int(parts[2]) != nil, ["error", "warning", "note"].contains(parts[3]) {
                let severity: Diagnostics.Severity = parts[3] == "error" ? .error : parts[3] == "warning" ? .warning : .remark
                Diagnostics.emit(severity, parts[4], file: folder.appending(path: parts[0]).path, line: number)
            } else if failed {
                Diagnostics.error(String(line))
            } else {
                print(line)
            }
        }
        return process.terminationStatus
    }
}
