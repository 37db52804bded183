import Foundation
import Testing
@testable import RouteSpecCore

/// Malformed pages give a diagnostic, never a crash, and never stop the rest from compiling.
@Suite struct BadInputTests {
    func codes(_ bytes: [UInt8]) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-bad-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/bad.md"))
        try Data(page(permissions: oldTable, http: "```http\nGET /me\n```").utf8).write(to: URL(fileURLWithPath: root + "/good.md"))
        let model = try Compiler(options: .init(threads: 2)).compile(paths: [root]).model
        #expect(model.operations.contains { $0.sources.contains { $0.path == "good.md" } }, "the good page still compiles")
        return model.diagnostics.filter { $0.path == "bad.md" }.map(\.code)
    }

    @Test func emptyFile() throws { #expect(try codes([]) == ["empty-page"]) }

    @Test func binaryFile() throws { #expect(try codes([0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2]) == ["binary-page"]) }

    @Test func invalidUTF8() throws {
        var bytes = Array(page(permissions: oldTable, http: "```http\nGET /me/x\n```").utf8)
        bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: 40)
        #expect(try codes(bytes).contains("invalid-utf8"))
    }

    @Test func unterminatedFrontMatter() throws {
        let text = "---\ntitle: x\ndoc_type: apiPageType\n# <a name=\"x\"></a>X\n## <a name=\"http-request\"></a>HTTP request\n```http\nGET /x\n```\n"
        #expect(try codes(Array(text.utf8)).contains("unterminated-front-matter"))
    }

    @Test func unterminatedComment() throws {
        let text = page(permissions: oldTable, http: "<!-- never closed\n```http\nGET /me/y\n```")
        let found = try codes(Array(text.utf8))
        #expect(found.contains("unterminated-comment"))
    }

    @Test func unterminatedSpan() throws {
        let text = page(permissions: oldTable, http: "<span data-ttu-id=\"x-1\">never closed\n```http\nGET /me/z\n```")
        #expect(try codes(Array(text.utf8)).contains("unterminated-span"))
    }

    @Test func pageWithoutRoutes() throws {
        let text = page(permissions: oldTable, http: "No routes here.")
        let found = try codes(Array(text.utf8))
        #expect(found.contains("no-routes"), "\(found)")
    }

    /// Regressions: both were quadratic (a fence's lines copied on every append; every unclosed
    /// span searched to the end of the page).
    @Test func hugeUnclosedFenceAndManyUnclosedSpans() throws {
        let fence = "---\ndoc_type: apiPageType\n---\n```\n" + String(repeating: "x\n", count: 100_000)
        #expect(try codes(Array(fence.utf8)).contains("unclosed-fence"))
        let spans = page(permissions: oldTable, http: String(repeating: "<span data-ttu-id=\"a\">", count: 20_000) + "\n```http\nGET /me/s\n```")
        #expect(try codes(Array(spans.utf8)).contains("unterminated-span"))
    }

    @Test func wideRowsDeepNestingAndLongRouteLines() throws {
        let wide = page(permissions: "|" + Array(repeating: "c", count: 100_000).joined(separator: "|") + "|\n|---|---|\n|Application|User.Read|",
                        http: "```http\nGET /me/w\n```")
        #expect(try codes(Array(wide.utf8)).allSatisfy { $0 != "crash" })
        let nested = page(permissions: oldTable, http: (0..<10_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
                          + "\n```http\nGET /me/n\n```")
        let nestedCodes = try codes(Array(nested.utf8))
        #expect(!nestedCodes.contains("no-routes"), "\(nestedCodes)")
        let long = page(permissions: oldTable, http: "```http\nGET /" + String(repeating: "a/", count: 100_000) + "\nGET /" + String(repeating: "{", count: 50_000) + "\n```")
        let longCodes = try codes(Array(long.utf8))
        #expect(!longCodes.contains("no-routes"), "\(Set(longCodes))")
    }

    /// 50 MB of prose after the routes: compiled (linear time), nothing lost.
    @Test func fiftyMegabytePage() throws {
        let prose = String(repeating: String(repeating: "Some prose that goes on. ", count: 4) + "\n", count: 500_000)
        let text = page(permissions: oldTable, http: "```http\nGET /me/big\n```\n\n" + prose)
        #expect(text.utf8.count > 50_000_000)
        let model = try compilePage(text)
        #expect(model.operations.first?.routes.map(\.path) == ["/me/big"])
        #expect(!model.diagnostics.contains { $0.severity == .error })
    }

    /// A 100,000-column row is not a permission table: the page says it found none.
    @Test func hundredThousandColumnRowIsNotATable() throws {
        let wide = page(permissions: "|" + Array(repeating: "c", count: 100_000).joined(separator: "|") + "|\n|---|---|",
                        http: "```http\nGET /me/w\n```")
        #expect(try codes(Array(wide.utf8)).contains("no-permission-table"))
    }

    @Test func includeOfAMissingFile() throws {
        let text = page(permissions: "[!INCLUDE [p](../includes/nowhere-permissions.md)]", http: "```http\nGET /me\n```")
        let model = try compilePage(text, path: "api/page.md")
        #expect(model.diagnostics.contains { $0.code == "include-missing" && $0.severity == .warning }, "\(model.diagnostics)")
    }

    @Test(arguments: ["/etc/passwd", "/tmp/x-permissions.md", "../../../../../../tmp/x-permissions.md", "link/secret-permissions.md"])
    func includesOutsideTheRootAreRefused(target: String) throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-outside-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try Data(oldTable.utf8).write(to: URL(fileURLWithPath: outside + "/secret-permissions.md"))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-root-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: outside)
        let text = page(permissions: "[!INCLUDE [p](\(target))]", http: "```http\nGET /me\n```")
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/page.md"))
        let model = try Compiler(options: .init(threads: 1)).compile(paths: [root]).model
        #expect(model.diagnostics.contains { $0.code == "include-refused" && $0.severity == .error }, "\(model.diagnostics.map(\.formatted))")
        #expect(model.operations.first?.permissions == nil, "nothing from outside the root may be read")
    }
}
