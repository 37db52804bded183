import Foundation
import Testing
@testable import RouteSpecCore

/// Cache files are mapped rather than read; what a reader sees must be the file's bytes exactly.
@Suite struct SharedBytesTests {
    @Test func aMappedFileHoldsTheFilesBytes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-shared-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/full"))
        try Data().write(to: URL(fileURLWithPath: directory + "/empty"))
        let full = try #require(SharedBytes.file(directory + "/full"))
        #expect(Array(full.raw) == bytes)
        #expect(Array(full[4096..<4100]) == Array(bytes[4096..<4100]))
        #expect(try #require(SharedBytes.file(directory + "/empty")).count == 0)
        #expect(SharedBytes.file(directory + "/missing") == nil)
        #expect(SharedBytes.file(directory) == nil, "a folder is not a file")
    }

    @Test func aReaderKeepsItsBytesAlive() throws {
        var reader = BinaryReader({
            var w = BinaryWriter()
            w.string("kept")
            w.raw([1, 2, 3])
            return w.bytes
        }())
        #expect(try reader.string() == "kept")
        let slice = try reader.rawSlice()
        #expect(Array(slice.bytes) == [1, 2, 3] && reader.isAtEnd)
    }

    /// Names read back from a cache become code: only identifiers, and keywords only in backticks.
    @Test func onlyIdentifierSpellingsAreReadBackAsNames() throws {
        #expect(try SwiftName(spelled: "users").text == "users")
        #expect(try SwiftName(spelled: "`default`").text == "`default`")
        for bad in ["", "a b", "default", "`users`", "``", "`", "1a", "a\"); exit(1) //"] {
            #expect(throws: BinaryReader.Malformed.self, "\(bad)") { try SwiftName(spelled: bad) }
        }
    }

    /// Every keyword, and only keywords, needs backticks: near misses (case, length, prefixes) do not.
    @Test func keywordsAreTheListedOnesExactly() {
        for keyword in SwiftNames.keywords {
            #expect(SwiftNames.isKeyword(keyword) && SwiftName(verbatim: keyword).text == "`\(keyword)`", "\(keyword)")
            for near in [keyword.uppercased(), keyword + "s", String(keyword.dropLast()), "_" + keyword] where !SwiftNames.keywords.contains(near) {
                #expect(!SwiftNames.isKeyword(near), "\(near)")
            }
        }
        #expect(!SwiftNames.isKeyword("") && !SwiftNames.isKeyword("precedencegroupx") && !SwiftNames.isKeyword("users"))
    }
}
