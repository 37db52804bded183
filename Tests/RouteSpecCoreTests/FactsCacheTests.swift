import Foundation
import Testing
@testable import RouteSpecCore

/// The facts cache must never change what a compile produces: a warm run gives the bytes a cold
/// run gives, and every change that could matter (the page, an include, the compiler) is a miss.
@Suite struct FactsCacheTests {
    @Test func warmRunGivesTheColdRunsBytes() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        let fresh = try scratch.compileWithoutCache()
        let cold = try scratch.compile()
        #expect(cold.result.cacheHits == 0 && cold.result.cacheMisses == cold.result.pageCount)
        let warm = try scratch.compile(threads: 1)
        #expect(warm.result.cacheHits == warm.result.pageCount && warm.result.cacheMisses == 0)
        let coldSame = cold.output == fresh, warmSame = warm.output == fresh
        #expect(coldSame && warmSame)
    }

    @Test func aChangedPageIsReadAgainAndOnlyIt() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        _ = try scratch.compile()
        try scratch.write("v1.0/api/with-include.md", page(permissions: "[!INCLUDE [p](../includes/me-permissions.md)]", http: "```http\nGET /me/photo\n```"))
        let warm = try scratch.compile()
        #expect(warm.result.cacheMisses == 1)
        let same = warm.output == (try scratch.compileWithoutCache())
        #expect(same)
        #expect(warm.result.model.operations.contains { $0.routes.contains { $0.path == "/me/photo" } })
    }

    @Test func aChangedOrVanishedIncludeIsAMiss() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        _ = try scratch.compile()
        try scratch.write("v1.0/includes/me-permissions.md", oldTable.replacingOccurrences(of: "User.Read.All", with: "Directory.Read.All"))
        let changed = try scratch.compile()
        #expect(changed.result.cacheMisses == 1)
        let changedSame = changed.output == (try scratch.compileWithoutCache())
        #expect(changedSame)
        try FileManager.default.removeItem(atPath: scratch.root + "/v1.0/includes/me-permissions.md")
        let vanished = try scratch.compile()
        #expect(vanished.result.cacheMisses == 1)
        #expect(vanished.result.model.diagnostics.contains { $0.code == "include-missing" })
        let vanishedSame = vanished.output == (try scratch.compileWithoutCache())
        #expect(vanishedSame)
    }

    @Test func anotherCompilerStartsAfresh() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        _ = try scratch.compile(tool: "compiler A")
        let other = try scratch.compile(tool: "compiler B")
        #expect(other.result.cacheHits == 0)
        let again = try scratch.compile(tool: "compiler B")
        #expect(again.result.cacheMisses == 0)
    }

    @Test func aDamagedCacheFileIsIgnored() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        _ = try scratch.compile()
        let file = scratch.cacheDirectory + "/" + FactsCache.fileName
        let good = try #require(FileManager.default.contents(atPath: file))
        let fresh = try scratch.compileWithoutCache()
        // Truncations, and single flipped bytes anywhere: never a crash, never different output.
        let damaged = damagedCopies(of: good, seed: 3)
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: file))
            let run = try scratch.compile()
            let same = run.output == fresh
            #expect(same, "a damaged cache changed the output")
        }
    }

    @Test func entriesRoundTrip() throws {
        let pages = try PageDiscovery.pages(under: [TestPaths.spec])
        for page in pages {
            let bytes = try #require(FileManager.default.contents(atPath: page.absolutePath))
            let outcome = PageExtractor(includes: IncludeResolver(root: page.canonicalRoot))
                .extract(.init(displayPath: page.displayPath, absolutePath: page.absolutePath, bytes: [UInt8](bytes)))
            let encoded = outcome.encoded()
            let decoded = try PageExtractor.Outcome(decoding: SharedBytes(encoded), range: 0..<encoded.count)
            #expect(decoded.encoded() == encoded, "\(page.displayPath)")
            #expect(throws: BinaryReader.Malformed.self) { try PageExtractor.Outcome(decoding: SharedBytes(encoded), range: 0..<encoded.count - 1) }
            // A hit reads the summary alone; the rest decodes when asked for, or, cut off, is read afresh.
            guard case .page(let facts) = outcome else { continue }
            let sentinel = PageFacts(path: "reread", locale: "", date: nil, apiVersion: .beta, mirrorKey: nil)
            for (range, expected) in [(0..<encoded.count, facts.path), (0..<encoded.count - 1, "reread")] {
                guard case .page(let lazy) = try PageOutcome(decoding: SharedBytes(encoded), range: range, reread: { _ in sentinel }) else {
                    Issue.record("\(page.displayPath): not read as a page")
                    continue
                }
                var summary = BinaryWriter(), whole = BinaryWriter()
                lazy.summary.encode(&summary)
                PageFacts.Summary(of: facts).encode(&whole)
                #expect(summary.bytes == whole.bytes, "\(page.displayPath)")
                #expect(lazy.facts.path == expected, "\(page.displayPath)")
            }
        }
    }

    @Test func hashSeparatesFields() {
        #expect(ContentHash([Array("ab".utf8), Array("c".utf8)]) != ContentHash([Array("a".utf8), Array("bc".utf8)]))
        #expect(ContentHash([Array("abcdefgh".utf8)]) != ContentHash([Array("abcdefgh\0".utf8)]))
        #expect(ContentHash([Array("same".utf8)]) == ContentHash([Array("same".utf8)]))
    }
}

extension ScratchCopy {
    /// A scratch copy of `spec/` plus a page whose permission table is an include.
    static func withIncludedPermissions() throws -> ScratchCopy {
        let scratch = try ScratchCopy("cache")
        try scratch.write("v1.0/api/with-include.md", page(permissions: "[!INCLUDE [p](../includes/me-permissions.md)]", http: "```http\nGET /me\n```"))
        try scratch.write("v1.0/includes/me-permissions.md", oldTable)
        return scratch
    }

    func compile(tool: String = "test-tool", threads: Int = 2) throws -> (output: [UInt8], result: Compiler.Result) {
        let cache = FactsCache(directory: cacheDirectory, toolIdentity: tool)
        let result = Compiler(options: .init(threads: threads, cache: cache)).compile(pages: try PageDiscovery.pages(under: [root]))
        return (Self.bytes(result), result)
    }

    func compileWithoutCache() throws -> [UInt8] {
        Self.bytes(Compiler(options: .init(threads: 1)).compile(pages: try PageDiscovery.pages(under: [root])))
    }

    static func bytes(_ result: Compiler.Result) -> [UInt8] {
        let swift = SwiftRouteGenerator().generate(result.model).map { "// \($0.path)\n" + $0.contents }.joined()
        return result.model.json().serializedBytes() + Array(swift.utf8)
            + Array(result.model.diagnostics.map(\.formatted).joined(separator: "\n").utf8)
    }
}
