import Foundation
import Testing
@testable import RouteSpecCore

/// Unchanged pages are not read again (their hash is known by their file signature), and
/// unchanged generated files are not printed again (the output ledger): neither may ever hide a
/// change, whatever the edit keeps (size, modification time) or however fresh it is.
@Suite struct ChangeDetectionTests {
    /// Signatures are trusted as soon as the last run has started (no settling wait), so that a
    /// test need not sleep; the default setting is tested on its own below.
    func compile(_ scratch: ScratchCopy, settling: Int64 = 0) throws -> (output: [UInt8], result: Compiler.Result) {
        let cache = FactsCache(directory: scratch.cacheDirectory, toolIdentity: "test-tool", settling: settling)
        let result = Compiler(options: .init(threads: 2, cache: cache)).compile(pages: try PageDiscovery.pages(under: [scratch.root]))
        return (ScratchCopy.bytes(result), result)
    }

    @Test func unchangedPagesAreNotReadAgain() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        let first = try compile(scratch)
        #expect(first.result.pagesRead == first.result.pageCount)
        let second = try compile(scratch)
        #expect(second.result.pagesRead == 0 && second.result.cacheHits == second.result.pageCount)
        let same = second.output == (try scratch.compileWithoutCache())
        #expect(same)
    }

    @Test func anEditKeepingSizeAndModificationTimeIsStillSeen() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        let relative = "v1.0/api/with-include.md"
        _ = try compile(scratch)
        _ = try compile(scratch)
        let path = scratch.root + "/" + relative
        let before = try FileManager.default.attributesOfItem(atPath: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "GET /me", with: "GET /us")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        try scratch.write(relative, edited)
        // As an archive tool or `touch -r` would leave it: same size, same modification time.
        try FileManager.default.setAttributes([.modificationDate: before[.modificationDate]!], ofItemAtPath: path)
        let run = try compile(scratch)
        #expect(run.result.pagesRead == 1 && run.result.cacheMisses == 1)
        #expect(run.result.model.operations.contains { $0.routes.contains { $0.path == "/us" } })
        let same = run.output == (try scratch.compileWithoutCache())
        #expect(same)
    }

    @Test func aPageChangedJustBeforeTheLastRunIsReadAgain() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        _ = try compile(scratch, settling: ContentHashIndex.defaultSettling)
        // Every page was written within the second before that run: its signature could still
        // hide a write in the same clock tick, so it is not trusted yet.
        let again = try compile(scratch, settling: ContentHashIndex.defaultSettling)
        #expect(again.result.pagesRead == again.result.pageCount)
    }

    @Test func aDamagedIndexMeansReadingEveryPage() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        _ = try compile(scratch)
        let file = scratch.cacheDirectory + "/content-hashes.index"
        let good = try #require(FileManager.default.contents(atPath: file))
        let fresh = try scratch.compileWithoutCache()
        for bytes in damagedCopies(of: good, seed: 9) {
            try bytes.write(to: URL(fileURLWithPath: file))
            let run = try compile(scratch)
            let same = run.output == fresh
            #expect(same, "a damaged content-hash index changed the output")
        }
    }

    // MARK: Generated files

    /// Writes `scratch`'s Swift into `output` with the ledger, as `compile --cache` does.
    func generate(_ scratch: ScratchCopy, into output: String, tool: String = "test-tool") throws -> SwiftRouteGenerator.Files {
        let result = Compiler(options: .init(threads: 2)).compile(pages: try PageDiscovery.pages(under: [scratch.root]))
        let ledger = OutputLedger(cacheDirectory: scratch.cacheDirectory, outputDirectory: output, toolIdentity: tool)
        let files = SwiftRouteGenerator().generate(result.model, keeping: ledger)
        try GeneratedOutput.write(files, to: output)
        try ledger.save(files)
        return files
    }

    func uncachedSwift(_ scratch: ScratchCopy) throws -> [SwiftRouteGenerator.File] {
        SwiftRouteGenerator().generate(Compiler(options: .init(threads: 1)).compile(pages: try PageDiscovery.pages(under: [scratch.root])).model)
    }

    @Test func unchangedGeneratedFilesAreNeitherPrintedNorTouched() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        let output = scratch.swiftDirectory
        let first = try generate(scratch, into: output)
        #expect(first.unchanged.isEmpty && first.made.contains { $0.madeFrom != nil })
        let routeFiles = first.made.filter { $0.madeFrom != nil }.map(\.path)
        let second = try generate(scratch, into: output)
        #expect(second.unchanged == routeFiles.sorted())
        #expect(second.made.allSatisfy { $0.madeFrom == nil }, "only the permission list and namespaces are printed every run")
        #expect(try SwiftFolder.read(output) == SwiftFolder.of(try uncachedSwift(scratch)))
    }

    @Test func anEditedOrDeletedGeneratedFileIsMadeAgain() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        let output = scratch.swiftDirectory
        let first = try generate(scratch, into: output)
        let routeFiles = first.made.filter { $0.madeFrom != nil }.map(\.path).sorted()
        #expect(routeFiles.count >= 2)
        // Same size, same modification time, other bytes; and a file gone.
        let edited = output + "/" + routeFiles[0]
        let before = try FileManager.default.attributesOfItem(atPath: edited)
        var bytes = try #require(FileManager.default.contents(atPath: edited))
        bytes[bytes.count - 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: edited))
        try FileManager.default.setAttributes([.modificationDate: before[.modificationDate]!], ofItemAtPath: edited)
        try FileManager.default.removeItem(atPath: output + "/" + routeFiles[1])
        let again = try generate(scratch, into: output)
        #expect(Set(again.made.map(\.path)).isSuperset(of: [routeFiles[0], routeFiles[1]]))
        #expect(try SwiftFolder.read(output) == SwiftFolder.of(try uncachedSwift(scratch)))
    }

    @Test func anotherCompilerPrintsEveryFileAgain() throws {
        let scratch = try ScratchCopy.withIncludedPermissions()
        defer { scratch.removeAll() }
        let output = scratch.swiftDirectory
        _ = try generate(scratch, into: output, tool: "compiler A")
        let other = try generate(scratch, into: output, tool: "compiler B")
        #expect(other.unchanged.isEmpty)
    }
}

/// A folder of generated Swift as path → bytes, to compare with what the generator makes.
enum SwiftFolder {
    static func read(_ directory: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for rel in try FileManager.default.subpathsOfDirectory(atPath: directory) where rel.hasSuffix(".swift") {
            files[rel] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + rel)))
        }
        return files
    }

    static func of(_ files: [SwiftRouteGenerator.File]) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.utf8) })
    }
}
