/// A 128-bit hash of bytes, for telling whether a page changed since the cache saw it. Not
/// cryptographic: it guards against accidents (an edited page), not against an adversary who
/// controls both the cache folder and the pages.
public struct ContentHash: Hashable, Sendable {
    public private(set) var high: UInt64
    public private(set) var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Hashes several fields; each is length-prefixed so that ("ab", "c") and ("a", "bc") differ.
    public init(_ fields: [[UInt8]]) {
        var builder = Builder()
        for field in fields { builder.add(field) }
        self = builder.hash
    }

    /// Fields added one at a time, for inputs too large to hold at once.
    public struct Builder: Sendable {
        private var state = State()

        public init() {}

        public mutating func add(_ field: [UInt8]) {
            state.mix(UInt64(field.count))
            field.withUnsafeBytes { state.add($0) }
        }

        public mutating func add(_ field: String) {
            field.withUTF8Bytes { utf8 in
                state.mix(UInt64(utf8.count))
                state.add(UnsafeRawBufferPointer(utf8))
            }
        }

        public mutating func add(_ value: Int) { state.mix(UInt64(bitPattern: Int64(value))) }

        public mutating func add(_ hash: ContentHash) {
            state.mix(hash.high)
            state.mix(hash.low)
        }

        public var hash: ContentHash { state.finish() }
    }

    /// The hash of `bytes` alone (no length prefix: for checksums and whole files).
    init(bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { ContentHash(raw: $0) }
    }

    init(raw: UnsafeRawBufferPointer) {
        var state = State()
        state.add(raw)
        self = state.finish()
    }

    public var hex: String {
        func pad(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return pad(high) + pad(low)
    }

    /// Two independent 64-bit lanes over 8-byte words, each a multiply–rotate mix.
    private struct State {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var length: UInt64 = 0

        mutating func mix(_ word: UInt64) {
            a = ((a ^ word) &* 0xFF51_AFD7_ED55_8CCD).rotated(31) &+ b
            b = ((b ^ (word &+ 0x1656_67B1_9E37_79F9)) &* 0xC4CE_B9FE_1A85_EC53).rotated(29) &+ a
            length &+= 8
        }

        mutating func add(_ raw: UnsafeRawBufferPointer) {
            var i = 0
            let n = raw.count
            // Long inputs (pages, cache payloads) go 32 bytes at a time through four independent
            // lanes, which the processor runs side by side; each lane is then mixed into the state.
            if n >= 64 {
                var lanes = (a, b, a ^ 0x6A09_E667_F3BC_C908, b ^ 0xBB67_AE85_84CA_A73B)
                func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
                    (lane &+ word &* 0xC2B2_AE3D_27D4_EB4F).rotated(31) &* 0x9E37_79B9_7F4A_7C15
                }
                while i + 32 <= n {
                    lanes.0 = round(lanes.0, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                    lanes.1 = round(lanes.1, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
                    lanes.2 = round(lanes.2, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
                    lanes.3 = round(lanes.3, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
                    i += 32
                }
                mix(lanes.0)
                mix(lanes.1)
                mix(lanes.2)
                mix(lanes.3)
                mix(UInt64(i))
            }
            while i + 8 <= n {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            mix(tail ^ (UInt64(n & 7) << 56))
        }

        func finish() -> ContentHash {
            func avalanche(_ x: UInt64) -> UInt64 {
                var z = x
                z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
                z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
                return z ^ (z >> 33)
            }
            return ContentHash(high: avalanche(a ^ length), low: avalanche(b &+ a))
        }
    }
}

extension ContentHash: Comparable {
    /// An arbitrary but fixed order, for files that keep entries sorted by key.
    public static func < (a: ContentHash, b: ContentHash) -> Bool { (a.high, a.low) < (b.high, b.low) }
}

private extension UInt64 {
    @inline(__always) func rotated(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}

extension ContentHash {
    /// As cache entries store it.
    func encode(_ w: inout BinaryWriter) {
        w.int(Int(bitPattern: UInt(high)))
        w.int(Int(bitPattern: UInt(low)))
    }

    init(_ r: inout BinaryReader) throws {
        self.init(high: UInt64(UInt(bitPattern: try r.int())), low: UInt64(UInt(bitPattern: try r.int())))
    }
}
