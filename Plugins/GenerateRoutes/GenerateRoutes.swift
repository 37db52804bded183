import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-routes [--pages DIR] [--output DIR] [compile options]`
/// writes the model and Swift for the pages (default `spec/`) into the package (default
/// `generated/`), for teams that commit and review the generated code. `routespec check` in CI
/// then fails when it is stale.
@main
struct GenerateRoutes: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let output = extractor.extractOption(named: "output").last ?? "generated"
        let pagesOption = extractor.extractOption(named: "pages").last ?? "spec"
        let options = extractor.remainingArguments
        let root = context.package.directoryURL
        // Relative paths are the package's; absolute ones are taken as they are.
        let resolve = { (path: String) in path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appending(path: path) }
        let pages = resolve(pagesOption)
        let outputFolder = resolve(output)
        let process = Process()
        process.executableURL = try context.tool(named: "routespec").url
        process.arguments = ["compile", pages.path, "--model", outputFolder.appending(path: "model.json").path,
                             "--swift", outputFolder.appending(path: "GraphRoutes").path] + options
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("routespec exited with status \(process.terminationStatus); see the diagnostics above")
        }
    }
}
