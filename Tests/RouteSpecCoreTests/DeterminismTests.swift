import Foundation
import Testing
@testable import RouteSpecCore

/// Same pages in, same bytes out (the JSON model and the Swift): whatever the input order or the
/// number of threads.
@Suite struct DeterminismTests {
    func output(_ pages: [PageDiscovery.Page], threads: Int) -> [UInt8] {
        let model = Compiler(options: .init(threads: threads)).compile(pages: pages).model
        var options = SwiftRouteGenerator.Options()
        options.threads = threads
        let swift = SwiftRouteGenerator(options: options).generate(model).map { "// \($0.path)\n" + $0.contents }.joined()
        return model.json().serializedBytes() + Array(swift.utf8)
    }

    @Test func specInAnyOrderAndThreadCount() throws {
        let pages = try PageDiscovery.pages(under: [TestPaths.spec])
        let reference = output(pages, threads: 1)
        var generator = SeededGenerator(seed: 42)
        for threads in [1, 2, 4, 7] {
            #expect(output(pages.shuffled(using: &generator), threads: threads) == reference)
        }
    }

    /// Long JSON arrays are written on several threads; the text must be the one-thread text,
    /// empty lists included.
    @Test func modelJSONIsTheSameOnEveryThreadCount() throws {
        let model = Compiler(options: .init(threads: 1)).compile(pages: try PageDiscovery.pages(under: [TestPaths.spec])).model
        #expect(!model.operations.isEmpty && !model.diagnostics.isEmpty)
        let many = Model(operations: Array(repeating: model.operations, count: 200).flatMap { $0 }, diagnostics: model.diagnostics)
        let variants = [model, many, Model(operations: model.operations, diagnostics: []), Model(operations: [], diagnostics: [])]
        for (i, m) in variants.enumerated() {
            for threads in [2, 3] {
                #expect(m.json().serializedBytes(threads: threads) == m.json().serializedBytes(), "variant \(i), \(threads) threads")
            }
        }
    }

    /// The pages come out in the order of their relative paths, whatever order the file system
    /// lists them in; include folders, hidden files and other files are passed over.
    @Test func discoveryListsPagesInTheOrderOfTheirPaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-order-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let pages = ["a.md", "a-b.md", "a/x.md", "a/b/c.md", "ab.md", "A.md", "a0.md", "a.b/z.md", "accessreview-get.md",
                     "accessreview-list.md", "accessreview/get.md", "accessreview.md", "accessreviews.md", "a b.md", "a+b.md", "a,b.md",
                     "a b/c.md", "Z.MD", "é.md", "e.md", "zz/yy/xx.md"]
        let ignored = ["a/includes/i.md", ".hidden.md", "a/.hidden/h.md", "notes.txt", "a/readme"]
        var generator = SeededGenerator(seed: 11)
        for rel in (pages + ignored).shuffled(using: &generator) {
            let path = root + "/" + rel
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("# t\n".utf8).write(to: URL(fileURLWithPath: path))
        }
        let found = try PageDiscovery.pages(under: [root]).map(\.relativePath)
        #expect(found == pages.sorted())
    }

    @Test(.enabled(if: TestPaths.sharedIsPresent, TestPaths.absent)) func randomCorpusSubsets() throws {
        let shared = try #require(TestPaths.shared)
        let all = try PageDiscovery.pages(under: [shared + "/corpus/ru-RU", shared + "/corpus/ru-RU-sxs"])
        var generator = SeededGenerator(seed: 7)
        for round in 0..<3 {
            let subset = Array(all.shuffled(using: &generator).prefix(300))
            let reference = output(subset.sorted { ($0.root, $0.relativePath) < ($1.root, $1.relativePath) }, threads: 1)
            #expect(output(subset, threads: 2 + round) == reference, "round \(round)")
        }
    }
}

/// A small deterministic generator (SplitMix64) so shuffles repeat across runs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
