#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// Keyed on the hash of the file's path: reading the index then makes no strings.
    private let entries: ContentHashTable<Entry>
    private let previousStart: Int64

    init(path: String, owner: String = "", settling: Int64 = defaultSettling) {
        self.path = path
        self.owner = owner
        self.settling = settling
        startedAt = FileSignature.now()
        var entries = ContentHashTable<Entry>()
        var previousStart: Int64 = 0
        if let bytes = SharedBytes.file(path) {
            var r = BinaryReader(bytes)
            if (try? r.string()) == Self.format, (try? r.string()) == owner, let start = try? r.int() {
                // An entry takes a hundred-odd bytes: room for all of them at once, not grown step by step.
                entries = ContentHashTable(minimumCapacity: bytes.count / 100)
                while !r.isAtEnd {
                    guard let file = try? r.rawSlice(), let entry = try? Self.entry(&r) else {
                        // A damaged index is dropped as a whole: every file is then read.
                        entries = ContentHashTable()
                        break
                    }
                    entries.set(ContentHash(raw: file.bytes), entry)
                }
                previousStart = Int64(start)
            }
        }
        self.entries = entries
        self.previousStart = previousStart
    }

    var count: Int { entries.count }

    func entry(_ file: String) -> Entry? { entries[Self.key(file)] }

    private static func key(_ file: String) -> ContentHash {
        file.withUTF8Bytes { ContentHash(raw: UnsafeRawBufferPointer($0)) }
    }

    /// The hash of `file`'s bytes when the index vouches for them: the same signature as when it
    /// was last read, and that read came well after the file last changed.
    func knownHash(of file: String, signature: FileSignature) -> ContentHash? {
        guard let entry = entry(file), entry.signature == signature,
              signature.settled(before: previousStart, by: settling) else { return nil }
        return entry.hash
    }

    /// What a look at a file found: its signature (taken before any read, so a write in between
    /// shows next run) and its bytes' hash, known from the index or read (then `bytes` holds them).
    struct Look {
        var signature: FileSignature
        var hash: ContentHash
        var bytes: [UInt8]?
        var entry: Entry { Entry(signature: signature, hash: hash) }
    }

    /// `file`'s signature and hash, reading its bytes only when the index cannot vouch for them;
    /// nil when the file cannot be examined or read.
    func look(_ file: String) -> Look? {
        guard let signature = FileSignature.of(file) else { return nil }
        if let known = knownHash(of: file, signature: signature) { return Look(signature: signature, hash: known) }
        guard let bytes = FileBytes.read(file) else { return nil }
        return Look(signature: signature, hash: ContentHash(bytes: bytes), bytes: bytes)
    }

    /// Keeps exactly `seen` (the files this run looked at), unless the file already says the same
    /// and nothing needed reading.
    func save(_ seen: [(file: String, entry: Entry)], allKnown: Bool) throws {
        if allKnown && seen.count == entries.count && seen.allSatisfy({ entry($0.file) == $0.entry }) { return }
        var w = BinaryWriter()
        w.string(Self.format)
        w.string(owner)
        w.int(Int(startedAt))
        for (file, entry) in seen {
            w.string(file)
            entry.signature.encode(&w)
            entry.hash.encode(&w)
            w.optional(entry.madeFrom) { $1.encode(&$0) }
        }
        try AtomicFile.replace(path, with: w.bytes)
    }

    private static func entry(_ r: inout BinaryReader) throws -> Entry {
        Entry(signature: try FileSignature(&r), hash: try ContentHash(&r), madeFrom: try r.optional { try ContentHash(&$0) })
    }
}
