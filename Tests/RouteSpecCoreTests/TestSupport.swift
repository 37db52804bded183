import Foundation
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

    /// `../shared` beside the checkout, or nil (the caller skips with a message).
    static var shared: String? {
        let path = (packageRoot as NSString).deletingLastPathComponent + "/shared"
        return FileManager.default.fileExists(atPath: path + "/corpus") ? path : nil
    }

    static func skipMessage(_ what: String) -> String {
        "SKIPPED \(what): ../shared is not present beside the checkout"
    }
}

/// A scratch copy of `spec/` for tests that edit pages between runs, and a cache folder beside it.
struct ScratchCopy {
    let root: String
    let cacheDirectory: String
    /// Where the Swift is written, for tests that write it.
    let swiftDirectory: String

    init(_ name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-\(name)-\(UUID().uuidString)").path
        cacheDirectory = root + "-cache"
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
        try? FileManager.default.removeItem(atPath: cacheDirectory)
        try? FileManager.default.removeItem(atPath: swiftDirectory)
    }
}

/// Damaged copies of a file's bytes: cut in half, cut by one byte, nearly empty, empty, and 40
/// copies each with one byte flipped somewhere (seeded, so a failure repeats).
func damagedCopies(of good: Data, seed: UInt64) -> [Data] {
    var generator = SeededGenerator(seed: seed)
    var damaged: [Data] = [good.prefix(good.count / 2), good.prefix(good.count - 1), good.prefix(10), Data()]
    for _ in 0..<40 {
        var copy = good
        let i = Int.random(in: 0..<copy.count, using: &generator)
        copy[i] ^= UInt8.random(in: 1...255, using: &generator)
        damaged.append(copy)
    }
    return damaged
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
