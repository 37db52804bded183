#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Each page's extraction result from earlier runs, keyed on the page's bytes, where it sits and
/// the compiler that read it. A hit skips the Markdown work for that page; a changed byte, a moved
/// file, a changed or vanished include, or a rebuilt compiler is a miss. A cache file that is
/// damaged, or was written by another compiler, is ignored as a whole.
///
/// A page's bytes are read only when the content-hash index cannot vouch for their hash.
///
/// One file holds every entry so that a run reads it with one call; a run that had misses appends
/// them, and the file is rewritten with only the entries in use once stale ones (deleted or edited
/// pages) outweigh them (see `CacheFile`).
public struct FactsCache: Sendable {
    /// Changes whenever the entry layout (`PageFactsCoding`) or the file layout changes.
    static let format = "routespec-facts-cache 3"
    static let fileName = "facts.cache"

    public let directory: String
    let toolIdentity: String
    private let file: CacheFile
    /// The hash of each page's bytes as last read, by the page's file signature.
    let hashes: ContentHashIndex
    /// Every key starts with the compiler's identity: hashed once, not once per page.
    private let keyPrefix: ContentHash.Builder

    /// A cache for the running compiler, or nil when the compiler cannot identify itself (then a
    /// stale result could not be told from a fresh one).
    public static func forRunningTool(directory: String) -> FactsCache? {
        ToolIdentity.current.map { FactsCache(directory: directory, toolIdentity: $0) }
    }

    public init(directory: String, toolIdentity: String) {
        self.init(directory: directory, toolIdentity: toolIdentity, settling: ContentHashIndex.defaultSettling)
    }

    /// With the time a page must have been left alone before its signature is trusted (tests).
    init(directory: String, toolIdentity: String, settling: Int64) {
        self.directory = directory
        self.toolIdentity = toolIdentity
        var prefix = ContentHash.Builder()
        prefix.add(toolIdentity)
        keyPrefix = prefix
        file = CacheFile(path: directory + "/" + Self.fileName, format: Self.format, toolIdentity: toolIdentity)
        hashes = ContentHashIndex(path: directory + "/content-hashes.index", settling: settling)
    }

    public var entryCount: Int { file.entryCount }

    /// The hash of the bytes of the file at `path`: known from the content-hash index when its
    /// signature vouches for it, else read; nil when it cannot be read.
    public func contentHash(ofFile path: String) -> ContentHash? { hashes.look(path)?.hash }

    /// The key of `page`'s entry, given the hash of its bytes.
    func key(for page: PageDiscovery.Page, contentHash: ContentHash) -> ContentHash {
        var builder = keyPrefix
        builder.add(page.displayPath)
        builder.add(page.absolutePath)
        builder.add(page.canonicalRoot)
        builder.add(contentHash)
        return builder.hash
    }

    /// The cached outcome for `key`, if there is one and every include it read is unchanged, with
    /// the digest of its stored encoding. A page's facts are read only as far as `LazyPageFacts`
    /// needs at once; `reread` extracts the page afresh should the rest not decode.
    func outcome(for key: ContentHash, includes: IncludeResolver, reread: @escaping @Sendable (PageFacts.Summary) -> PageFacts)
        -> (outcome: PageOutcome, digest: ContentHash)? {
        guard let (bytes, range, hash) = file.payload(key),
              let outcome = try? PageOutcome(decoding: bytes, range: range, reread: reread) else { return nil }
        if case .page(let facts) = outcome {
            for probe in facts.summary.includeProbes where includes.resolve(probe.target, from: probe.from).fingerprint != probe.fingerprint {
                return nil
            }
        }
        return (outcome, hash)
    }

    typealias Entry = CacheFile.Entry

    /// Keeps exactly these entries (see `CacheFile.write`), unless the file holds exactly them.
    func save(_ entries: [Entry]) throws {
        let fresh = entries.contains { if case .fresh = $0 { true } else { false } }
        if fresh || entryCount != entries.count { try file.write(entries) }
    }
}
