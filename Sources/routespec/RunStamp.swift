import Foundation
import RouteSpecCore

/// A record of the last run into an output folder: a hash of the tool, its arguments and every
/// input page's bytes, plus the exit status and diagnostics it printed. An unchanged run replays
/// them in milliseconds instead of recompiling (SwiftPM runs build tools on every build).
struct RunStamp {
    let file: String
    let key: String

    init(directory: String, arguments: [String], paths: [String]) {
        file = directory + "/.routespec-stamp"
        var hasher = StableHasher()
        hasher.add(RunStamp.toolIdentity)
        for a in arguments { hasher.add(a) }
        if let pages = try? PageDiscovery.pages(under: paths) {
            for page in pages {
                hasher.add(page.relativePath)
                if let data = FileManager.default.contents(atPath: page.absolutePath) { hasher.add(bytes: [UInt8](data)) }
            }
        }
        // Include files are read relative to pages; a change there must not be missed either.
        for root in paths {
            let includes = root + "/includes"
            if let found = try? PageDiscovery.pages(under: [includes]) {
                for page in found { if let d = FileManager.default.contents(atPath: page.absolutePath) { hasher.add(bytes: [UInt8](d)) } }
            }
        }
        key = hasher.hex
    }

    /// The tool's own identity: its executable's size and modification time.
    private static let toolIdentity: String = {
        let path = CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(date)"
    }()

    struct Replay {
        var status: Int32
        var diagnostics: String
    }

    func replayIfUnchanged(outputs: [String]) -> Replay? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0] == key, let status = Int32(lines[1]) else { return nil }
        guard outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else { return nil }
        return Replay(status: status, diagnostics: String(lines[2]))
    }

    func record(status: Int32, diagnostics: String) {
        _ = try? AtomicFile.write(Array("\(key)\n\(status)\n\(diagnostics)".utf8), to: file)
    }
}

/// FNV-1a over everything added, 64 bits, hex.
struct StableHasher {
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ s: String) {
        add(bytes: Array(s.utf8))
        add(bytes: [0])
    }

    mutating func add(bytes: [UInt8]) {
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    }

    var hex: String { String(h, radix: 16) }
}
