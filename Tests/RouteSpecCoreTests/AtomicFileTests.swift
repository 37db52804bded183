import Foundation
import Testing
@testable import RouteSpecCore

/// A write replaces the file whole (a temporary file renamed over it) and leaves nothing else behind;
/// identical bytes leave the file untouched.
@Suite struct AtomicFileTests {
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func replacingAFileManyTimesLeavesOnlyTheLastVersion() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/model.json"
        for i in 1...20 { try AtomicFile.write(Array("version \(i) ".utf8) + [UInt8](repeating: UInt8(i), count: i * 1000), to: path) }
        #expect(FileManager.default.contents(atPath: path) == Data(Array("version 20 ".utf8) + [UInt8](repeating: 20, count: 20_000)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["model.json"])
    }

    @Test func identicalBytesLeaveTheFileUntouched() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/model.json"
        #expect(try AtomicFile.write(Array("same".utf8), to: path) == .written)
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        #expect(try AtomicFile.write(Array("same".utf8), to: path) == .unchanged)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == old)
        #expect(try AtomicFile.write(Array("other".utf8), to: path) == .written)
    }

    @Test func missingFoldersAreMade() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFile.write(Array("x".utf8), to: directory + "/a/b/model.json")
        #expect(FileManager.default.contents(atPath: directory + "/a/b/model.json") == Data("x".utf8))
    }

    @Test func aLinkAtThePathIsReplacedAndItsTargetLeftAlone() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFile.write(Array("target".utf8), to: directory + "/target.txt")
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.txt", withDestinationPath: directory + "/target.txt")
        try AtomicFile.write(Array("new".utf8), to: directory + "/link.txt")
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/link.txt")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(FileManager.default.contents(atPath: directory + "/link.txt") == Data("new".utf8))
        #expect(FileManager.default.contents(atPath: directory + "/target.txt") == Data("target".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["link.txt", "target.txt"])
    }

    @Test func aFolderAtThePathIsNotReplaced() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/out.swift/inner", withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try AtomicFile.write(Array("x".utf8), to: directory + "/out.swift") }
        #expect(FileManager.default.fileExists(atPath: directory + "/out.swift/inner"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.swift"])
    }

    /// `--model /dev/null` or a pipe: the bytes go through it, and the device or pipe stays.
    @Test func aPipeAtThePathIsWrittenThroughNotReplaced() async throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pipe = directory + "/model.pipe"
        #expect(mkfifo(pipe, 0o600) == 0)
        let reader = Task.detached { FileHandle(forReadingAtPath: pipe).map { $0.readDataToEndOfFile() } }
        try AtomicFile.write(Array("through".utf8), to: pipe)
        #expect(await reader.value == Data("through".utf8))
        let type = try FileManager.default.attributesOfItem(atPath: pipe)[.type] as? FileAttributeType
        #expect(type != nil && type != .typeRegular)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["model.pipe"])
    }
}
