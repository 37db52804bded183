/// Where encoders write their fields: to bytes (`BinaryWriter`) or straight into a hash
/// (`DigestWriter`), so one encoder serves both.
protocol FieldWriter {
    mutating func int(_ value: Int)
    mutating func bool(_ value: Bool)
    mutating func string(_ value: String)
    mutating func raw(_ value: [UInt8])
}

extension FieldWriter {
    mutating func optional<T>(_ value: T?, _ write: (inout Self, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout Self, T) -> Void) {
        int(values.count)
        for v in values { write(&self, v) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
}

/// The fields' digest, without the bytes: every string and array is length-prefixed, so two
/// different field sequences of one encoder never feed the same words.
struct DigestWriter: FieldWriter {
    private var builder = ContentHash.Builder()
    var digest: ContentHash { builder.hash }
    mutating func int(_ value: Int) { builder.add(value) }
    mutating func bool(_ value: Bool) { builder.add(value ? 1 : 0) }
    mutating func string(_ value: String) { builder.add(value) }
    mutating func raw(_ value: [UInt8]) { builder.add(value) }
}

/// A compact, versionless byte encoding for cache entries: variable-length integers and
/// length-prefixed strings. The reader checks every bound and throws on anything malformed, so a
/// damaged cache file is a cache miss, never a crash.
struct BinaryWriter: FieldWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        v = (v << 1) ^ UInt64(bitPattern: Int64(value) >> 63)  // zig-zag: small negatives stay short
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        value.withUTF8Bytes { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

}

struct BinaryReader {
    struct Malformed: Error {}

    /// Keeps the bytes `base` points into alive.
    private let owner: SharedBytes
    private let base: UnsafeRawPointer?
    private var position: Int
    private let end: Int

    init(_ bytes: SharedBytes, range: Range<Int>? = nil) {
        owner = bytes
        base = bytes.raw.baseAddress
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    init(_ bytes: [UInt8]) { self.init(SharedBytes(bytes)) }

    private func byte(_ i: Int) -> UInt8 { base.unsafelyUnwrapped.load(fromByteOffset: i, as: UInt8.self) }

    var isAtEnd: Bool { position == end }
    var offset: Int { position }

    mutating func skip(_ n: Int) throws {
        guard n >= 0, n <= end - position else { throw Malformed() }
        position += n
    }

    mutating func int() throws -> Int {
        // Most integers (counts, lines, flags) fit in one byte.
        if position < end, byte(position) < 0x80 {
            let v = UInt64(byte(position))
            position += 1
            return Self.unzigzag(v)
        }
        return try multiByteInt()
    }

    private static func unzigzag(_ v: UInt64) -> Int { Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))) }

    private mutating func multiByteInt() throws -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Malformed() }
            let b = byte(position)
            position += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Self.unzigzag(v)
    }

    /// A count or length: never negative, never more than the bytes left could hold.
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= end - position else { throw Malformed() }
        return n
    }

    mutating func bool() throws -> Bool {
        guard position < end, byte(position) <= 1 else { throw Malformed() }
        defer { position += 1 }
        return byte(position) == 1
    }

    mutating func raw() throws -> [UInt8] { Array(try rawSlice().bytes) }

    /// A length-prefixed run of bytes, where it lies, without copying it.
    mutating func rawSlice() throws -> SharedBytes.Slice {
        let n = try count()
        defer { position += n }
        return SharedBytes.Slice(owner: owner, range: position..<position + n)
    }

    mutating func string() throws -> String {
        let n = try count()
        defer { position += n }
        return String(decoding: UnsafeBufferPointer(start: base.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self) + position, count: n),
                      as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    mutating func enumeration<E: RawRepresentable>(_: E.Type) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try string()) else { throw Malformed() }
        return value
    }
}
