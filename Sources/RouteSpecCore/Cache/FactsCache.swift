import Foundation

/// Each page's extraction result from earlier runs, keyed on the page's bytes, where it sits and
/// the compiler that read it. A hit skips the Markdown work for that page; a changed byte, a moved
/// file, a changed or vanished include, or a rebuilt compiler is a miss. A cache file that is
/// damaged, or was written by another compiler, is ignored as a whole.
///
/// One file holds every entry so that a run reads it with one call; a run that had misses writes it
/// again with exactly the entries it used (entries for deleted pages go away).
public struct FactsCache: Sendable {
    /// Changes whenever the entry layout (`PageFactsCoding`) or the file layout changes.
    static let format = "routespec-facts-cache 1"
    static let fileName = "facts.cache"

    public let directory: String
    let toolIdentity: String
    private let stored: [UInt8]
    private let index: [ContentHash: Range<Int>]

    /// A cache for the running compiler, or nil when the compiler cannot identify itself (then a
    /// stale result could not be told from a fresh one).
    public static func forRunningTool(directory: String) -> FactsCache? {
        ToolIdentity.current.map { FactsCache(directory: directory, toolIdentity: $0) }
    }

    public init(directory: String, toolIdentity: String) {
        self.directory = directory
        self.toolIdentity = toolIdentity
        let bytes = FileBytes.read(directory + "/" + Self.fileName) ?? []
        if let index = Self.index(of: bytes, toolIdentity: toolIdentity) {
            stored = bytes
            self.index = index
        } else {
            stored = []
            index = [:]
        }
    }

    public var entryCount: Int { index.count }

    func key(for page: PageDiscovery.Page, bytes: [UInt8]) -> ContentHash {
        ContentHash([Array(toolIdentity.utf8), Array(page.displayPath.utf8), Array(page.absolutePath.utf8),
                     Array(page.canonicalRoot.utf8), bytes])
    }

    /// The cached outcome for `key`, if there is one and every include it read is unchanged.
    func outcome(for key: ContentHash, includes: IncludeResolver) -> PageExtractor.Outcome? {
        guard let range = index[key], let outcome = try? PageExtractor.Outcome(decoding: stored, range: range) else { return nil }
        if case .page(let facts) = outcome {
            for probe in facts.includeProbes where includes.resolve(probe.target, from: probe.from).fingerprint != probe.fingerprint {
                return nil
            }
        }
        return outcome
    }

    /// An entry to keep: either the bytes already stored for a hit, or a fresh encoding.
    enum Entry: Sendable {
        case stored(ContentHash)
        case fresh(ContentHash, [UInt8])
    }

    /// Writes the entries (in the order given) atomically, replacing the previous file.
    func save(_ entries: [Entry]) throws {
        var w = BinaryWriter()
        w.string(Self.format)
        w.string(toolIdentity)
        w.int(entries.count)
        var out = w.bytes
        for entry in entries {
            let (key, payload): (ContentHash, ArraySlice<UInt8>)
            switch entry {
            case .stored(let k):
                guard let range = index[k] else { continue }
                (key, payload) = (k, stored[range])
            case .fresh(let k, let bytes):
                (key, payload) = (k, bytes[...])
            }
            var header = BinaryWriter()
            header.int(Int(bitPattern: UInt(key.high)))
            header.int(Int(bitPattern: UInt(key.low)))
            header.int(Int(bitPattern: UInt(Self.checksum(payload))))
            header.int(payload.count)
            out += header.bytes
            out += payload
        }
        try AtomicFile.write(out, to: directory + "/" + Self.fileName)
    }

    private static func checksum(_ payload: ArraySlice<UInt8>) -> UInt64 {
        payload.withUnsafeBytes { ContentHash(raw: $0).low }
    }

    private static func index(of bytes: [UInt8], toolIdentity: String) -> [ContentHash: Range<Int>]? {
        guard !bytes.isEmpty else { return nil }
        var r = BinaryReader(bytes)
        do {
            guard try r.string() == format, try r.string() == toolIdentity else { return nil }
            let count = try r.count()
            var index: [ContentHash: Range<Int>] = [:]
            index.reserveCapacity(count)
            for _ in 0..<count {
                let high = UInt64(UInt(bitPattern: try r.int())), low = UInt64(UInt(bitPattern: try r.int()))
                let checksum = UInt64(UInt(bitPattern: try r.int()))
                let length = try r.count()
                let start = r.offset
                try r.skip(length)
                // A damaged entry could still decode (one changed letter in a path): check every byte.
                guard Self.checksum(bytes[start..<start + length]) == checksum else { return nil }
                index[ContentHash(high: high, low: low)] = start..<start + length
            }
            return r.isAtEnd ? index : nil
        } catch {
            return nil
        }
    }
}
