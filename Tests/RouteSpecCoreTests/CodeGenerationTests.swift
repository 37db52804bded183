import Foundation
import Testing
@testable import RouteSpecCore

@Suite struct CodeGenerationTests {
    func generate(_ paths: [String]) throws -> [SwiftRouteGenerator.File] {
        let model = try Compiler(options: .init(threads: 1)).compile(paths: paths).model
        return SwiftRouteGenerator().generate(model)
    }

    func temporaryFolder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-gen-\(UUID().uuidString)").path
        for (rel, text) in files {
            let full = root + "/" + rel
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        return root
    }

    @Test func committedSwiftIsUpToDate() throws {
        let files = try generate([TestPaths.spec])
        let changes = GeneratedOutput.differences(files, in: TestPaths.packageRoot + "/generated/GraphRoutes")
        #expect(changes.isEmpty, "generated/GraphRoutes is stale: \(changes)")
    }

    @Test func addingOrRemovingAnUnrelatedPageRenamesNothing() throws {
        let unrelated = page(title: "# <a name=\"list-users\"></a>List users", permissions: oldTable,
                             http: "```http\nGET /users\nGET /deviceManagement/users/{id}\n```")
        let extra = try temporaryFolder(["en-US/user-list.md": unrelated])
        defer { try? FileManager.default.removeItem(atPath: extra) }
        let before = try generate([TestPaths.spec])
        let after = try generate([TestPaths.spec, extra])
        let lost = GeneratedSymbols.of(before.map(\.contents)).subtracting(GeneratedSymbols.of(after.map(\.contents)))
        #expect(lost.isEmpty, "symbols renamed or removed by an unrelated page: \(lost.sorted())")
        let added = GeneratedSymbols.of(after.map(\.contents))
        #expect(added.contains("GraphV1.Users.listUsers() -> DocumentedRoute"), "\(added.sorted())")
        #expect(added.contains("GraphV1.DeviceManagement.Users.listUsers(id: String) -> DocumentedRoute"), "\(added.sorted())")
        // And taking it away again gives back exactly the first output.
        #expect(try generate([TestPaths.spec]) == before)
    }

    /// Several pages share an operation name (`getUser`): neither may take the other's name, nor
    /// be renamed when the other comes or goes.
    @Test func pagesWithTheSameOperationNameNeverRenameEachOther() throws {
        let getUser = page(title: "# <a name=\"get-user\"></a>Get user", permissions: oldTable, http: "```http\nGET /users/{id}\n```")
        let intune = page(title: "# <a name=\"get-user\"></a>Get user", permissions: oldTable, http: "```http\nGET /users/{usersId}\n```")
        let both = try temporaryFolder(["v1.0/api/user-get.md": getUser, "v1.0/api/intune-devices-user-get.md": intune])
        let one = try temporaryFolder(["v1.0/api/user-get.md": getUser])
        defer { try? FileManager.default.removeItem(atPath: both); try? FileManager.default.removeItem(atPath: one) }
        let withBoth = GeneratedSymbols.of(try generate([both]).map(\.contents))
        let alone = GeneratedSymbols.of(try generate([one]).map(\.contents))
        #expect(alone.subtracting(withBoth).isEmpty, "renamed: \(alone.subtracting(withBoth).sorted())")
        #expect(withBoth.contains("GraphV1.Users.userGet(id: String) -> DocumentedRoute"), "\(withBoth.sorted())")
        #expect(withBoth.contains("GraphV1.Users.intuneDevicesUserGet(usersId: String) -> DocumentedRoute"), "\(withBoth.sorted())")
    }

    /// A group made only to hold nested ones names its path as the pages write it.
    @Test func parentGroupsNameTheirPathAsWritten() throws {
        let text = try generate([TestPaths.spec]).map(\.contents).joined()
        #expect(text.contains("/// Routes under `/deviceManagement` (v1.0): none selected directly."))
        #expect(!text.contains("Routes under `/DeviceManagement`"))
    }

    @Test func symbolsAreStableAcrossInputOrder() throws {
        let a = try generate([TestPaths.spec])
        let b = SwiftRouteGenerator().generate(
            Compiler(options: .init(threads: 3)).compile(pages: try PageDiscovery.pages(under: [TestPaths.spec]).reversed()).model)
        #expect(a == b)
    }

    @Test func filtersByPageGlobAndPathPrefix() throws {
        let model = try Compiler(options: .init(threads: 1)).compile(paths: [TestPaths.spec]).model
        var options = SwiftRouteGenerator.Options()
        options.pathPrefixes = ["/users"]
        let symbols = GeneratedSymbols.of(SwiftRouteGenerator(options: options).generate(model).map(\.contents))
        #expect(symbols.contains("GraphV1.Users.ManagedDevices.resetPasscodeAction(usersId: String, managedDeviceId: String) -> DocumentedRoute"), "\(symbols.sorted())")
        #expect(!symbols.contains { $0.hasPrefix("GraphV1.DeviceManagement.ManagedDevices.") })
        options = SwiftRouteGenerator.Options()
        options.pageGlobs = ["ru-RU/**"]
        let onlyRussian = GeneratedSymbols.of(SwiftRouteGenerator(options: options).generate(model).map(\.contents))
        #expect(onlyRussian.contains("GraphV1.Users.ManagedDevices.recoverPasscodeAction(usersId: String, managedDeviceId: String) -> DocumentedRoute"))
        #expect(!onlyRussian.contains { $0.hasPrefix("GraphBeta.") && $0.contains("resetPasscode") }, "\(onlyRussian.sorted())")
    }

    /// The build plugin declares its outputs before the tool runs: they must be what it writes.
    @Test func fixedFilesAreTheOnesThePluginDeclares() throws {
        let model = try Compiler(options: .init(threads: 1)).compile(paths: [TestPaths.spec]).model
        var options = SwiftRouteGenerator.Options()
        options.fixedFiles = true
        #expect(SwiftRouteGenerator(options: options).generate(model).map(\.path) == SwiftRouteGenerator.fixedFileNames)
        #expect(SwiftRouteGenerator(options: options).generate(Model(operations: [], diagnostics: [])).map(\.path)
                    == SwiftRouteGenerator.fixedFileNames)
        let plugin = try String(contentsOfFile: TestPaths.packageRoot + "/Plugins/RouteSpecBuildPlugin/RouteSpecBuildPlugin.swift", encoding: .utf8)
        for name in SwiftRouteGenerator.fixedFileNames {
            #expect(plugin.contains("\"\(name)\""), "the plugin does not declare \(name)")
        }
    }

    @Test(arguments: [("**/*.md", "a/b/c.md", true), ("ru-RU/*.md", "ru-RU/x.md", true), ("ru-RU/*.md", "ru-RU/a/x.md", false),
                      ("*reset?asscode*", "resetPasscode.md", true), ("v1.0/**", "beta/x.md", false)])
    func globs(pattern: String, path: String, matches: Bool) {
        #expect(Glob.matches(pattern, path) == matches)
    }

    /// Text from a hostile page reaches the Swift source only escaped: the generated code compiles.
    @Test func hostilePageCompiles() throws {
        let hostile = """
        ---
        title: "Evil \\" title"
        ---
        # <a name="protocol"></a>Evil "quote" \\ back\\slash \\(interpolation) */ /* \u{202E}reversed\u{2066} end
        > **Important:** APIs under the /beta version are subject to change.

        ## <a name="permissions"></a>Permissions
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account)|User.Read, "Evil\\(x)" */ \u{202E}|
        |Delegated (personal Microsoft account)|Not supported.|
        |Application|User.Read.All|

        ## <a name="http-request"></a>HTTP request
        ```http
        GET /users/{id"}/x"y\\z\\(boom)
        GET /evil/\u{202E}rtl/{in}
        GET /default
        POST /self/{init}/descriptor
        GET /users/{id}/photo/$value
        ```

        ## <a name="response"></a>Response
        Returns `200 OK`.
        """
        let root = try temporaryFolder(["evil.md": hostile])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try generate([root])
        let text = files.map(\.contents).joined()
        #expect(!text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x2066 }, "direction controls must be escaped")
        #expect(text.contains("\\\\(boom)"), "backslash-parenthesis must be escaped, not interpolated")
        try typecheck(files)
    }

    /// Type-checks generated files against the runtime library with the toolchain's `swiftc`.
    func typecheck(_ files: [SwiftRouteGenerator.File]) throws {
        let work = try temporaryFolder(Dictionary(uniqueKeysWithValues: files.map { ("gen/" + $0.path, $0.contents) }))
        defer { try? FileManager.default.removeItem(atPath: work) }
        // The runtime library as generated code sees it: RouteSpecRuntime, re-exporting RouteSpecShared.
        for module in ["RouteSpecShared", "RouteSpecRuntime"] {
            let folder = TestPaths.packageRoot + "/Sources/" + module
            let sources = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }.map { folder + "/" + $0 }
            try run(["swiftc", "-parse-as-library", "-module-name", module, "-emit-module", "-I", work,
                     "-emit-module-path", work + "/\(module).swiftmodule"] + sources)
        }
        let generated = files.map { work + "/gen/" + $0.path }
        try run(["swiftc", "-typecheck", "-parse-as-library", "-swift-version", "6", "-I", work, "-module-name", "Generated"] + generated)
    }

    func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments.prefix(3).joined(separator: " ")) failed:\n\(String(decoding: output, as: UTF8.self).prefix(4000))")
    }
}
