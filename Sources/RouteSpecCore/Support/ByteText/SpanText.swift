#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the byte readers need of a `Span<UInt8>` (a safe view of a page's, a string's or an
/// array's bytes) that `Span` lacks, being no `Sequence`.
extension Span where Element == UInt8 {
    /// The bytes as a string (invalid UTF-8 replaced with U+FFFD).
    var string: String {
        // `String(decoding:)` wants a collection: the buffer is the span's own bytes, read once.
        withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    func string(_ range: Range<Int>) -> String { extracting(range).string }

    /// The first index of `byte`, found with `memchr` (many bytes at a time).
    func firstIndex(of byte: UInt8) -> Int? {
        // memchr takes an address: the span's own, searched within its count.
        withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress, let hit = memchr(base, Int32(byte), p.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    func contains(_ byte: UInt8) -> Bool { firstIndex(of: byte) != nil }

    func contains(where predicate: (UInt8) -> Bool) -> Bool {
        for i in indices where predicate(self[i]) { return true }
        return false
    }

    func allSatisfy(_ predicate: (UInt8) -> Bool) -> Bool {
        for i in indices where !predicate(self[i]) { return false }
        return true
    }

    func starts(with prefix: [UInt8]) -> Bool {
        guard prefix.count <= count else { return false }
        for j in prefix.indices where self[j] != prefix[j] { return false }
        return true
    }

    /// The eight bytes at `offset` as a little-endian word (for tests of eight bytes at once).
    @inline(__always) func loadWord(at offset: Int) -> UInt64 {
        // Bounds-checked; "unsafe" only in that the type must take any bit pattern, as UInt64 does.
        UInt64(littleEndian: bytes.unsafeLoadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}

extension UTF8Text {
    /// Whether two spans hold the same bytes.
    static func equal(_ x: Span<UInt8>, _ y: Span<UInt8>) -> Bool {
        guard x.count == y.count else { return false }
        // memcmp takes addresses: the spans' own, compared within their common count.
        return x.isEmpty || x.withUnsafeBufferPointer { a in y.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress!, x.count) == 0 } }
    }

    /// Whether a span holds the same bytes as an array.
    static func equal(_ x: Span<UInt8>, _ y: [UInt8]) -> Bool { y.withSpan { equal(x, $0) } }

    /// Byte order (`memcmp`, then the shorter first).
    static func precedes(_ x: Span<UInt8>, _ y: Span<UInt8>) -> Bool {
        let n = Swift.min(x.count, y.count)
        // memcmp takes addresses: the spans' own, compared within the shorter count.
        let c = n == 0 ? 0 : x.withUnsafeBufferPointer { a in y.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress!, n) } }
        return c != 0 ? c < 0 : x.count < y.count
    }
}

extension Array where Element == UInt8 {
    /// Appends the span's bytes in one copy.
    mutating func append(contentsOf span: Span<UInt8>) {
        // `append(contentsOf:)` wants a sequence: the buffer is the span's own bytes, copied once.
        span.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}

/// Spans of bytes that live in arrays and strings, lent to a closure: `Array.span`,
/// `String.UTF8View.span` and `Substring.UTF8View.span` need macOS 26 / iOS 26, while `Span` itself
/// and a buffer pointer's `span` are back-deployed to every target the package supports.
extension Array where Element == UInt8 {
    /// The array's bytes as a span, for `body` only.
    @inline(__always) func withSpan<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R {
        try self[...].withSpan(body)
    }
}

extension ArraySlice where Element == UInt8 {
    /// The slice's bytes as a span, for `body` only (the slice's own `span` cannot outlive a
    /// temporary slice, so this form serves `a[r].withSpan { … }` as well).
    @inline(__always) func withSpan<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R {
        // The slice's own buffer, viewed as a span for `body` (as `Array.withSpan` does).
        try withUnsafeBufferPointer { try body($0.span) }
    }
}

extension StringProtocol {
    /// The UTF-8 bytes as a span, for `body` only (`String.UTF8View.span` and
    /// `Substring.UTF8View.span` need macOS 26); bytes that are not contiguous are copied first.
    @inline(__always) func withUTF8Span<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R {
        // The protocol offers the contiguous bytes only as a buffer: viewed as a span for `body`.
        if let result = try utf8.withContiguousStorageIfAvailable({ try body($0.span) }) { return result }
        return try Array(utf8).withSpan(body)
    }
}
