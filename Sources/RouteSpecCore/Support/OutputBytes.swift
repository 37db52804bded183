/// UTF-8 text being written (the model's JSON, generated Swift). Writing a compile's output
/// takes millions of small appends, and `[UInt8].append(contentsOf:)` costs some ninety
/// instructions a call in generic code; here an append is a room check and a copy into room
/// kept past `count`.
struct OutputBytes {
    /// `count` bytes of text, then room.
    private var storage: [UInt8]
    private(set) var count = 0

    init(capacity: Int = 0) { storage = [UInt8](repeating: 0, count: capacity) }

    subscript(_ i: Int) -> UInt8 {
        get {
            precondition(i < count, "index past the text")
            return storage[i]
        }
        set {
            precondition(i < count, "index past the text")
            storage[i] = newValue
        }
    }

    /// Room for `n` more bytes.
    @inline(__always)
    private mutating func makeRoom(_ n: Int) {
        if count + n > storage.count { grow(n) }
    }

    /// The room at least doubles, so appends cost amortised constant time.
    @inline(never)
    private mutating func grow(_ n: Int) {
        storage += [UInt8](repeating: 0, count: max(storage.count, count + n - storage.count, 64))
    }

    @inline(__always)
    mutating func append(_ b: UInt8) {
        makeRoom(1)
        storage[count] = b
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        makeRoom(bytes.count)
        let at = count
        storage.withUnsafeMutableBufferPointer { UnsafeMutableRawPointer($0.baseAddress! + at).copyMemory(from: source, byteCount: bytes.count) }
        count += bytes.count
    }

    mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    mutating func append(_ text: StaticString) { append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }

    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil { append(Array(text.utf8)) }
    }

    mutating func append(_ other: OutputBytes) { other.withUnsafeBufferPointer { append($0) } }

    /// `n` in decimal, digit by digit (no string made for it).
    mutating func appendDecimal(_ n: Int) {
        guard n >= 0 else { return append(String(n)) }
        var divisor = 1
        while divisor <= n / 10 { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
            divisor /= 10
        }
    }

    /// Drops the text from `index` on.
    mutating func truncate(to index: Int) {
        precondition(index >= 0 && index <= count, "index outside the text")
        count = index
    }

    /// The text written so far.
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// The text as an array, leaving this empty.
    mutating func takeBytes() -> [UInt8] {
        storage.removeSubrange(count...)
        let bytes = storage
        storage = []
        count = 0
        return bytes
    }
}
