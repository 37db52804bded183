#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One cache file: a header naming its layout and the compiler that wrote it, then records, each a
/// 128-bit key, a checksum, a length and a payload. It is mapped whole (`SharedBytes`), and a payload is
/// used only when its checksum holds: a damaged record is a miss, never half-believed. A header
/// written by another layout or compiler makes the whole file empty.
///
/// A run that made few new values appends them, so saving costs what changed; once the records
/// nothing used outweigh the ones used, the file is rewritten with only the used ones.
struct CacheFile: Sendable {
    let path: String
    let format: String
    let toolIdentity: String
    private let stored: SharedBytes
    private let index: ContentHashTable<Record>
    /// Whether every record up to the end of the file was read (new ones can then be appended).
    private let readToEnd: Bool

    private struct Record: Sendable {
        var range: Range<Int>
        var checksum: UInt64
    }

    init(path: String, format: String, toolIdentity: String) {
        self.path = path
        self.format = format
        self.toolIdentity = toolIdentity
        let bytes = SharedBytes.file(path) ?? SharedBytes([])
        if let (index, readToEnd) = Self.index(of: bytes, format: format, toolIdentity: toolIdentity) {
            stored = bytes
            self.index = index
            self.readToEnd = readToEnd
        } else {
            stored = SharedBytes([])
            index = ContentHashTable()
            readToEnd = false
        }
    }

    var entryCount: Int { index.count }

    /// The file's bytes and where `key`'s payload lies in them, if it is there intact, with the
    /// payload's hash (whose low half is its checksum: one pass gives both).
    func payload(_ key: ContentHash) -> (bytes: SharedBytes, range: Range<Int>, hash: ContentHash)? {
        guard let record = index[key] else { return nil }
        let hash = Self.hash(stored[record.range])
        guard hash.low == record.checksum else { return nil }
        return (stored, record.range, hash)
    }

    /// An entry to keep: the payload already stored under a key, or a new one.
    enum Entry: Sendable {
        case stored(ContentHash)
        case fresh(ContentHash, [UInt8])

        var key: ContentHash {
            switch self {
            case .stored(let key), .fresh(let key, _): key
            }
        }
    }

    /// Keeps exactly `entries` (in the order given, or in key order with `sortingByKey`, which
    /// costs a sort only when something is written): appends the fresh ones when the file is
    /// mostly entries still in use, else replaces the file atomically.
    func write(_ given: [Entry], sortingByKey: Bool = false) throws {
        var usedBytes = 0
        var fresh: [(ContentHash, [UInt8])] = []
        for entry in given {
            switch entry {
            case .stored(let key): usedBytes += index[key]?.range.count ?? 0
            case .fresh(let key, let bytes): fresh.append((key, bytes))
            }
        }
        let unusedBytes = stored.count - usedBytes
        if readToEnd && stored.count > 0 && unusedBytes <= usedBytes {
            guard !fresh.isEmpty else { return }
            if sortingByKey { fresh.sort { $0.0 < $1.0 } }
            var out: [UInt8] = []
            for (key, bytes) in fresh { bytes.withUnsafeBytes { Self.append(key, $0, to: &out) } }
            try append(out)
            return
        }
        var w = BinaryWriter()
        w.string(format)
        w.string(toolIdentity)
        let entries = sortingByKey ? given.sorted { $0.key < $1.key } : given
        var out = w.bytes
        out.reserveCapacity(usedBytes + fresh.reduce(0) { $0 + $1.1.count } + entries.count * 40)
        for entry in entries {
            switch entry {
            case .stored(let key):
                if let record = index[key] { Self.append(key, stored[record.range], to: &out) }
            case .fresh(let key, let bytes):
                bytes.withUnsafeBytes { Self.append(key, $0, to: &out) }
            }
        }
        try AtomicFile.replace(path, with: out)
    }

    private static func append(_ key: ContentHash, _ payload: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var header = BinaryWriter()
        header.int(Int(bitPattern: UInt(key.high)))
        header.int(Int(bitPattern: UInt(key.low)))
        header.int(Int(bitPattern: UInt(hash(payload).low)))
        header.int(payload.count)
        out += header.bytes
        out += payload
    }

    /// One `write` at the end of the file: a run killed meanwhile leaves a cut-off last record,
    /// which the next run's reader drops.
    private func append(_ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_APPEND)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        if let failure = bytes.withUnsafeBytes({ AtomicFile.writeAll(fd, $0) }) { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    }

    /// A payload's hash; its low half is the record's checksum.
    private static func hash(_ payload: UnsafeRawBufferPointer) -> ContentHash {
        ContentHash(raw: payload)
    }

    private static func index(of bytes: SharedBytes, format: String, toolIdentity: String) -> (ContentHashTable<Record>, readToEnd: Bool)? {
        guard bytes.count > 0 else { return nil }
        var r = BinaryReader(bytes)
        guard (try? r.string()) == format, (try? r.string()) == toolIdentity else { return nil }
        // Records run to several hundred bytes: room for about that many spares most growing.
        var index = ContentHashTable<Record>(minimumCapacity: bytes.count / 1024)
        // A record cut off or garbled stops the reading; the records before it stay usable, each
        // still checked against its checksum when used.
        while !r.isAtEnd {
            guard let high = try? r.int(), let low = try? r.int(), let checksum = try? r.int(), let length = try? r.count() else { break }
            let start = r.offset
            guard (try? r.skip(length)) != nil else { break }
            index.set(ContentHash(high: UInt64(UInt(bitPattern: high)), low: UInt64(UInt(bitPattern: low))),
                      Record(range: start..<start + length, checksum: UInt64(UInt(bitPattern: checksum))))
        }
        return (index, r.isAtEnd)
    }
}
