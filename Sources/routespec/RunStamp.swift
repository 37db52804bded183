#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RouteSpecCore

/// A record of the last run into an output folder: a hash of the tool, its arguments and every
/// input page's bytes (or their hash, known from the cache's content-hash index), plus the exit
/// status and diagnostics it printed. An unchanged run replays them in milliseconds instead of
/// recompiling (SwiftPM runs build tools on every build).
struct RunStamp {
    let file: String
    let key: String

    /// With a facts cache, pages whose hash its content-hash index knows are not read. `pages` are
    /// those under `paths`, when already found.
    init(directory: String, arguments: [String], paths: [String], pages found: [PageDiscovery.Page]? = nil, cache: FactsCache?) {
        file = directory + "/.routespec-stamp"
        var hasher = ContentHash.Builder()
        // Without an identity a rebuilt tool could replay an older tool's run: then never replay.
        hasher.add(ToolIdentity.current ?? "unidentified \(UUID())")
        for a in arguments { hasher.add(a) }
        if let pages = found ?? (try? PageDiscovery.pages(under: paths)) {
            for page in pages {
                hasher.add(page.relativePath)
                if let cache {
                    hasher.add(cache.contentHash(ofFile: page.absolutePath) ?? ContentHash(high: 0, low: 0))
                } else {
                    hasher.add(FileBytes.read(page.absolutePath) ?? [])
                }
            }
        }
        // Include files are read relative to pages; a change there must not be missed either.
        for root in paths {
            if let found = try? PageDiscovery.pages(under: [root + "/includes"]) {
                for page in found { hasher.add(FileBytes.read(page.absolutePath) ?? []) }
            }
        }
        key = hasher.hash.hex
    }

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
