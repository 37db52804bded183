import Foundation
import Testing
@testable import RouteSpecCore

/// Paths the tests read: the package root, its `spec/`, and `../shared` when present.
enum TestPaths {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var spec: String { packageRoot + "/spec" }
    static var golden: String { packageRoot + "/Tests/RouteSpecCoreTests/Golden" }

    /// `../shared` beside the checkout, or nil: tests that need it are disabled (shown as skipped).
    static var shared: String? {
        let path = (packageRoot as NSString).deletingLastPathComponent + "/shared"
        return FileManager.default.fileExists(atPath: path + "/corpus") ? path : nil
    }

    static var sharedIsPresent: Bool { shared != nil }
    static let absent: Comment = "../shared is not beside the checkout"
}

/// A scratch copy of `spec/` for tests that edit pages between runs.
struct ScratchCopy {
    let root: String
    /// Where the Swift is written, for tests that write it.
    let swiftDirectory: String

    init(_ name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-\(name)-\(UUID().uuidString)").path
        swiftDirectory = root + "-swift"
        try FileManager.default.copyItem(atPath: TestPaths.spec, toPath: root)
    }

    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func delete(_ relative: String) { try? FileManager.default.removeItem(atPath: root + "/" + relative) }

    func removeAll() {
        try? FileManager.default.removeItem(atPath: root)
        try? FileManager.default.removeItem(atPath: swiftDirectory)
    }
}

/// Compiles one page given as text, as if it were a file at `path` in a temporary root.
func compilePage(_ text: String, path: String = "page.md", extraFiles: [String: String] = [:]) throws -> Model {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    for (rel, content) in extraFiles.merging([path: text], uniquingKeysWith: { a, _ in a }) {
        let full = root + "/" + rel
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: full))
    }
    let pages = try PageDiscovery.pages(under: [root]).filter { $0.relativePath == path }
    return Compiler(options: .init(threads: 1)).compile(pages: pages).model
}

func page(title: String = "# <a name=\"get-user-action\"></a>Get user", beta: Bool = false, permissions: String, http: String,
          response: String = "If successful, this method returns a `200 OK` response code.") -> String {
    """
    ---
    title: Test
    doc_type: apiPageType
    ms.contentlocale: en-US
    ---
    \(title)
    \(beta ? "\n> **Important:** APIs under the /beta version in Microsoft Graph are subject to change.\n" : "")
    ## <a name="permissions"></a>Permissions

    \(permissions)

    ## <a name="http-request"></a>HTTP request

    \(http)

    ## <a name="response"></a>Response

    \(response)
    """
}

let oldTable = """
|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Delegated (work or school account)|User.Read, User.ReadWrite|
|Delegated (personal Microsoft account)|Not supported.|
|Application|User.Read.All|
"""
