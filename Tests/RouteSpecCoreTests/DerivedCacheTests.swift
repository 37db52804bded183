import Foundation
import Testing
@testable import RouteSpecCore

/// The derived cache (merged operations, their JSON, route names) and the output ledger (Swift
/// files already written) must never change what a compile produces: after any sequence of edits,
/// a run with both caches gives the bytes a run without them gives.
@Suite struct DerivedCacheTests {
    static func apiPage(title: String, routes: [String], permission: String = "User.Read") -> String {
        page(title: "# <a name=\"x\"></a>\(title)", permissions: oldTable.replacingOccurrences(of: "User.Read.All", with: permission),
             http: "```http\n" + routes.joined(separator: "\n") + "\n```")
    }

    @Test func everyEditGivesTheUncachedBytes() throws {
        let scratch = try ScratchCopy("derived")
        defer { scratch.removeAll() }
        for i in 0..<6 {
            try scratch.write("v1.0/api/item\(i)-get.md", Self.apiPage(title: "Get item \(i)", routes: ["GET /items/{id}/part\(i)"]))
        }
        let first = try scratch.compileWithBothCaches(threads: 2)
        #expect(first.hits == 0 && first.misses > 0)
        #expect(first.output == (try scratch.uncachedOutput()))
        let unchanged = try scratch.compileWithBothCaches(threads: 1)
        #expect(unchanged.misses == 0 && unchanged.hits > 0)
        #expect(unchanged.output == first.output)

        // Each edit changes what one page feeds: its operation, its group's names, a file's split.
        var generator = SeededGenerator(seed: 11)
        let edits: [(String, (Int) throws -> Void)] = [
            ("retitle", { try scratch.write("v1.0/api/item\($0)-get.md", Self.apiPage(title: "Renamed \($0)", routes: ["GET /items/{id}/part\($0)"])) }),
            ("add a route", { try scratch.write("v1.0/api/item\($0)-get.md",
                                                Self.apiPage(title: "Get item \($0)", routes: ["GET /items/{id}/part\($0)", "GET /me/items/part\($0)"])) }),
            ("change a permission", { try scratch.write("v1.0/api/item\($0)-get.md",
                                                        Self.apiPage(title: "Get item \($0)", routes: ["GET /items/{id}/part\($0)"], permission: "Sites.Read.All")) }),
            ("remove", { scratch.delete("v1.0/api/item\($0)-get.md") }),
            // `item-get` and `item_get` spell one identifier: both take a hash, renaming the other.
            ("clash", { try scratch.write("v1.0/api/item\($0)_get.md", Self.apiPage(title: "Clash \($0)", routes: ["GET /items/{id}/part\($0)"])) }),
            ("move to another group", { try scratch.write("v1.0/api/item\($0)-get.md", Self.apiPage(title: "Moved", routes: ["GET /other/part\($0)"])) }),
        ]
        for step in 0..<14 {
            let (name, edit) = edits[Int.random(in: 0..<edits.count, using: &generator)]
            try edit(Int.random(in: 0..<6, using: &generator))
            let cached = try scratch.compileWithBothCaches(threads: 1 + step % 2)
            let same = cached.output == (try scratch.uncachedOutput())
            #expect(same, "step \(step): after '\(name)' the cached run differs from an uncached one")
        }
    }

    /// Two unrelated pages outside a docs tree with one title anchor: the second one's id takes
    /// `~2` after its operation is made (or found in the cache), so the digest kept with that
    /// operation is not the digest of the operation in the model.
    @Test func operationDigestsFollowIDsMadeUnique() throws {
        let scratch = try ScratchCopy("derived")
        defer { scratch.removeAll() }
        try scratch.write("loose/first.md", Self.apiPage(title: "First", routes: ["GET /alpha/items"]))
        try scratch.write("loose/second.md", Self.apiPage(title: "Second", routes: ["GET /omega/items"]))
        let cold = try scratch.compileWithBothCaches(threads: 2)
        let warm = try scratch.compileWithBothCaches(threads: 1)
        #expect(warm.misses == 0 && warm.output == cold.output)
        #expect(String(decoding: cold.output, as: UTF8.self).contains("\"id\": \"v1.0/#x~2\""))
        #expect(cold.output == (try scratch.uncachedOutput()))
    }

    /// A new page whose name is one of an unchanged page's function names renames that page's
    /// functions (both take a hash) while its operation stays as it was; the page's client method,
    /// printed in another file (that of its first route's group), names them and must follow.
    @Test func namesChangedByAnotherPageReprintEveryFileThatUsesThem() throws {
        let scratch = try ScratchCopy("derived")
        defer { scratch.removeAll() }
        try scratch.write("v1.0/api/item-get.md",
                          Self.apiPage(title: "Get item", routes: ["GET /accounts/stuff", "GET /items/{id}/part", "GET /items/{id}/part/all"]))
        _ = try scratch.compileWithBothCaches(threads: 2)
        try scratch.write("v1.0/api/item-get-part-all.md", Self.apiPage(title: "Clash", routes: ["GET /items/{id}/part/x"]))
        let cached = try scratch.compileWithBothCaches(threads: 2)
        let text = String(decoding: cached.output, as: UTF8.self)
        #expect(text.contains("`GraphV1.Items.Part.itemGetPartAll_"), "the clash should rename functions the client method names")
        let same = cached.output == (try scratch.uncachedOutput())
        #expect(same)
    }

    /// Route names come from page ids and paths, never from titles: after a retitle, only the
    /// page's operation, its JSON and its naming's digest are made again (three values); the
    /// version's route groups are those of the last run, and no other naming is read.
    @Test func aRetitleFindsTheRouteGroupsOfTheLastRun() throws {
        let scratch = try ScratchCopy("derived")
        defer { scratch.removeAll() }
        for i in 0..<3 {
            try scratch.write("v1.0/api/item\(i)-get.md", Self.apiPage(title: "Get item \(i)", routes: ["GET /items/{id}/part\(i)"]))
        }
        _ = try scratch.compileWithBothCaches(threads: 2)
        try scratch.write("v1.0/api/item1-get.md", Self.apiPage(title: "Renamed", routes: ["GET /items/{id}/part1"]))
        let retitled = try scratch.compileWithBothCaches(threads: 2)
        #expect(retitled.misses == 3)
        #expect(retitled.output == (try scratch.uncachedOutput()))
        // A new route names a new function: the groups are made again, from the page's new
        // naming and the others' namings of the last run, and so is the plan of the files that
        // hold them (six values).
        try scratch.write("v1.0/api/item1-get.md", Self.apiPage(title: "Renamed", routes: ["GET /items/{id}/part1", "GET /me/part1"]))
        let rerouted = try scratch.compileWithBothCaches(threads: 2)
        #expect(rerouted.misses == 6)
        #expect(rerouted.output == (try scratch.uncachedOutput()))
    }

    @Test func aDamagedCacheFileIsNeverBelieved() throws {
        let scratch = try ScratchCopy("derived")
        defer { scratch.removeAll() }
        try scratch.write("v1.0/api/item-get.md", Self.apiPage(title: "Get item", routes: ["GET /items/{id}"]))
        _ = try scratch.compileWithBothCaches(threads: 2)
        let file = scratch.cacheDirectory + "/" + DerivedCache.fileName
        let good = try #require(FileManager.default.contents(atPath: file))
        let fresh = try scratch.uncachedOutput()
        // Truncations, and single flipped bytes anywhere: never a crash, never different output.
        let damaged = damagedCopies(of: good, seed: 5)
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: file))
            let same = (try scratch.compileWithBothCaches(threads: 2)).output == fresh
            #expect(same, "a damaged derived cache changed the output")
        }
    }

    @Test func anotherCompilerStartsAfresh() throws {
        let scratch = try ScratchCopy("derived")
        defer { scratch.removeAll() }
        _ = try scratch.compileWithBothCaches(threads: 2, tool: "compiler A")
        let other = try scratch.compileWithBothCaches(threads: 2, tool: "compiler B")
        #expect(other.hits == 0 && other.misses > 0)
    }

    @Test func operationsRoundTrip() throws {
        let model = Compiler(options: .init(threads: 1)).compile(pages: try PageDiscovery.pages(under: [TestPaths.spec])).model
        #expect(!model.operations.isEmpty)
        for op in model.operations {
            var w = BinaryWriter()
            op.encode(&w)
            var r = BinaryReader(w.bytes)
            let decoded = try APIOperation(&r)
            #expect(r.isAtEnd)
            #expect(decoded.json() == op.json() && decoded.digest == op.digest, "\(op.id)")
            var changed = op
            changed.routes[0].line += 1
            #expect(changed.digest != op.digest, "a changed line must change the digest")
        }
    }

    @Test func appendedRecordsAreReadAndACutOffTailIsDropped() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-cachefile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/test.cache"
        let a = ContentHash(high: 1, low: 1), b = ContentHash(high: 2, low: 2), c = ContentHash(high: 3, low: 3)
        try CacheFile(path: path, format: "f", toolIdentity: "t").write([.fresh(a, [1, 2, 3]), .fresh(b, Array(repeating: 7, count: 100))])
        let original = try #require(FileManager.default.contents(atPath: path))
        // Mostly used: the new record is appended, not the whole file rewritten.
        try CacheFile(path: path, format: "f", toolIdentity: "t").write([.stored(a), .stored(b), .fresh(c, [9])])
        let appended = try #require(FileManager.default.contents(atPath: path))
        #expect(appended.count > original.count && appended.prefix(original.count) == original)
        let reread = CacheFile(path: path, format: "f", toolIdentity: "t")
        #expect(reread.entryCount == 3 && reread.payload(c).map { Array($0.bytes[$0.range]) } == [9])
        // A run killed mid-append: the records before the cut stay, the cut one is gone.
        try appended.prefix(appended.count - 1).write(to: URL(fileURLWithPath: path))
        let cut = CacheFile(path: path, format: "f", toolIdentity: "t")
        #expect(cut.payload(a) != nil && cut.payload(b) != nil && cut.payload(c) == nil)
        // Mostly unused: rewritten with only what is kept.
        try cut.write([.stored(a)])
        let compacted = CacheFile(path: path, format: "f", toolIdentity: "t")
        #expect(compacted.entryCount == 1 && compacted.payload(a) != nil)
    }
}

extension ScratchCopy {
    /// Model JSON, Swift and diagnostics of a run with both caches, and the derived cache's counts.
    func compileWithBothCaches(threads: Int, tool: String = "test-tool") throws -> (output: [UInt8], hits: Int, misses: Int) {
        let derived = DerivedCache(directory: cacheDirectory, toolIdentity: tool)
        let options = Compiler.Options(threads: threads, cache: FactsCache(directory: cacheDirectory, toolIdentity: tool), derived: derived)
        let result = Compiler(options: options).compile(pages: try PageDiscovery.pages(under: [root]))
        var generatorOptions = SwiftRouteGenerator.Options()
        generatorOptions.threads = threads
        // As `compile --cache` does: the digests kept with the cached operations.
        let digests = try #require(result.operationDigests)
        #expect(digests.inOrder == OperationDigests(result.model.operations, threads: threads).inOrder,
                "a digest kept with its operation is not the operation's own")
        let json = result.model.jsonBytes(cache: derived, digests: digests, threads: threads)
        // Through an output folder and its ledger, as `compile --cache` writes: what is compared is
        // what the folder then holds.
        let ledger = OutputLedger(cacheDirectory: cacheDirectory, outputDirectory: swiftDirectory, toolIdentity: tool)
        let files = SwiftRouteGenerator(options: generatorOptions).generate(result.model, keeping: ledger, cache: derived, digests: digests)
        try GeneratedOutput.write(files, to: swiftDirectory)
        try ledger.save(files)
        try derived.save()
        let onDisk = try SwiftFolder.read(swiftDirectory).sorted { $0.key < $1.key }
            .map { SwiftRouteGenerator.File(path: $0.key, contents: String(decoding: $0.value, as: UTF8.self)) }
        return (Self.output(json, onDisk, result), derived.hits, derived.misses)
    }

    func uncachedOutput() throws -> [UInt8] {
        let result = Compiler(options: .init(threads: 1)).compile(pages: try PageDiscovery.pages(under: [root]))
        return Self.output(result.model.json().serializedBytes(), SwiftRouteGenerator().generate(result.model), result)
    }

    static func output(_ json: [UInt8], _ files: [SwiftRouteGenerator.File], _ result: Compiler.Result) -> [UInt8] {
        json + files.flatMap { Array("// \($0.path)\n".utf8) + $0.utf8 }
            + Array(result.model.diagnostics.map(\.formatted).joined(separator: "\n").utf8)
    }
}
