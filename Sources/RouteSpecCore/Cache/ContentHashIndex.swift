import Foundation

/// The hash of each file's bytes as last read or written, with the file's signature at that time,
/// so that a run reads only the files whose signature moved (as git's index does). Cached results
/// stay keyed on the bytes' hash: this only saves reading bytes to learn a hash already known.
///
/// A signature is trusted only if the file had last changed more than `settling` (1 s) before the run
/// that saw it: file times come from a clock that ticks coarsely, so a write in the same tick as
/// that run's look could leave the signature as it was. Any later write moves the status-change
/// time past the earlier run's start, which programs cannot set back.
struct ContentHashIndex: Sendable {
    static let format = "routespec-content-hashes 1"
    static let defaultSettling: Int64 = 1_000_000_000

    struct Entry: Sendable, Equatable {
        var signature: FileSignature
        var hash: ContentHash
        /// For a generated file: the key of everything it was made from.
        var madeFrom: ContentHash?
    }

    let path: String
    /// Whose entries these are: an index written under another owner is ignored as a whole.
    let owner: String
    /// How long before the last run a file must have last changed for its signature to be trusted.
    let settling: Int64
    /// When this run started: the moment its signatures were seen no earlier than.
    let startedAt: Int64
    private let entries: [String: Entry]
    private let previousStart: Int64

    init(path: String, owner: String = "", settling: Int64 = defaultSettling) {
        self.path = path
        self.owner = owner
        self.settling = settling
        startedAt = FileSignature.now()
        var entries: [String: Entry] = [:]
        var previousStart: Int64 = 0
        if let bytes = FileBytes.read(path) {
            var r = BinaryReader(bytes)
            if (try? r.string()) == Self.format, (try? r.string()) == owner, let start = try? r.int() {
                while !r.isAtEnd {
                    guard let file = try? r.string(), let entry = try? Self.entry(&r) else {
                        // A damaged index is dropped as a whole: every file is then read.
                        entries = [:]
                        break
                    }
                    entries[file] = entry
                }
                previousStart = Int64(start)
            }
        }
        self.entries = entries
        self.previousStart = previousStart
    }

    var count: Int { entries.count }

    func entry(_ file: String) -> Entry? { entries[file] }

    /// The hash of `file`'s bytes when the index vouches for them: the same signature as when it
    /// was last read, and that read came well after the file last changed.
    func knownHash(of file: String, signature: FileSignature) -> ContentHash? {
        guard let entry = entries[file], entry.signature == signature,
              max(signature.modified, signature.changed) < previousStart - settling else { return nil }
        return entry.hash
    }

    /// `file`'s entry as it is now, if its bytes still hash to what the index says: known by its
    /// signature (`known`), else read again.
    func unchangedEntry(_ file: String) -> (entry: Entry, known: Bool)? {
        guard var entry = entries[file], let signature = FileSignature.of(file) else { return nil }
        let known = knownHash(of: file, signature: signature) != nil
        if !known {
            guard let bytes = FileBytes.read(file), Self.entry(signature: signature, bytes: bytes).hash == entry.hash else { return nil }
        }
        entry.signature = signature
        return (entry, known)
    }

    /// A file's entry as this run saw it: its signature from before reading, and its bytes' hash.
    static func entry(signature: FileSignature, bytes: [UInt8], madeFrom: ContentHash? = nil) -> Entry {
        Entry(signature: signature, hash: bytes.withUnsafeBytes { ContentHash(raw: $0) }, madeFrom: madeFrom)
    }

    /// Keeps exactly `seen` (the files this run looked at), unless the file already says the same
    /// and nothing needed reading.
    func save(_ seen: [(file: String, entry: Entry)], allKnown: Bool) throws {
        if allKnown && seen.count == entries.count && seen.allSatisfy({ entries[$0.file] == $0.entry }) { return }
        var w = BinaryWriter()
        w.string(Self.format)
        w.string(owner)
        w.int(Int(startedAt))
        for (file, entry) in seen {
            w.string(file)
            entry.signature.encode(&w)
            Self.encode(entry.hash, &w)
            w.optional(entry.madeFrom) { Self.encode($1, &$0) }
        }
        try AtomicFile.replace(path, with: w.bytes)
    }

    private static func encode(_ hash: ContentHash, _ w: inout BinaryWriter) {
        w.int(Int(bitPattern: UInt(hash.high)))
        w.int(Int(bitPattern: UInt(hash.low)))
    }

    private static func hash(_ r: inout BinaryReader) throws -> ContentHash {
        ContentHash(high: UInt64(UInt(bitPattern: try r.int())), low: UInt64(UInt(bitPattern: try r.int())))
    }

    private static func entry(_ r: inout BinaryReader) throws -> Entry {
        Entry(signature: try FileSignature(&r), hash: try hash(&r), madeFrom: try r.optional { try hash(&$0) })
    }
}
