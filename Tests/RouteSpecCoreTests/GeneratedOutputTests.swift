import Foundation
import Testing
@testable import RouteSpecCore

/// Writing generated files into a folder: what is written, kept and removed does not depend on
/// the number of threads, and hand-written files are never touched.
@Suite struct GeneratedOutputTests {
    static let header = GeneratedOutput.marker + " from the API reference pages. Do not edit: regenerate.\n"

    func files(_ names: [String], variant: String = "") -> [SwiftRouteGenerator.File] {
        names.map { SwiftRouteGenerator.File(path: $0, contents: Self.header + "// \($0)\(variant)\n") }
    }

    func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("routespec-output-\(UUID().uuidString)").path
    }

    func contents(of directory: String) throws -> [String: String] {
        var found: [String: String] = [:]
        for rel in FileManager.default.subpaths(atPath: directory) ?? [] where rel.hasSuffix(".swift") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + rel, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            found[rel] = try String(contentsOfFile: directory + "/" + rel, encoding: .utf8)
        }
        return found
    }

    @Test(arguments: [1, 2, 4])
    func writesKeepsAndRemovesTheSameWhateverTheThreads(threads: Int) throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let names = (0..<40).map { "v\($0 % 3)/Group\($0).swift" } + ["Top.swift"]
        let first = try GeneratedOutput.write(files(names), to: directory, threads: threads)
        #expect(first.written == names)
        #expect(first.unchanged == 0 && first.removed.isEmpty)

        let again = try GeneratedOutput.write(files(names), to: directory, threads: threads)
        #expect(again.written.isEmpty && again.unchanged == names.count && again.removed.isEmpty)

        // A hand-written file beside them stays; a generated file no longer made goes.
        try Data("// mine\n".utf8).write(to: URL(fileURLWithPath: directory + "/v0/Mine.swift"))
        var next = files(Array(names.dropFirst()))
        next[0] = files([names[1]], variant: " changed")[0]
        let summary = try GeneratedOutput.write(next, to: directory, threads: threads)
        #expect(summary.written == [names[1]])
        #expect(summary.unchanged == names.count - 2)
        #expect(summary.removed == [names[0]])
        var expected = Dictionary(uniqueKeysWithValues: next.map { ($0.path, $0.contents) })
        expected["v0/Mine.swift"] = "// mine\n"
        #expect(try contents(of: directory) == expected)
    }

    @Test(arguments: [1, 2])
    func aFileThatCannotBeWrittenFailsTheWriteButNotTheOthers(threads: Int) throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A folder named like a generated file: writing it fails in the writer, not before.
        try FileManager.default.createDirectory(atPath: directory + "/B.swift", withIntermediateDirectories: true)
        #expect(throws: (any Error).self) {
            try GeneratedOutput.write(files(["A.swift", "B.swift", "C.swift"]), to: directory, threads: threads)
        }
        let written = try contents(of: directory)
        #expect(written.keys.sorted() == ["A.swift", "C.swift"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func twoFilesForOnePathWriteNothing() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: GeneratedOutput.DuplicatePath.self) {
            try GeneratedOutput.write(files(["A.swift", "v1/B.swift", "v1/B.swift"]), to: directory, threads: 2)
        }
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
}
