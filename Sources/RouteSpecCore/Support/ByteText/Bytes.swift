/// Byte-level helpers for the scanner: pages are scanned as UTF-8 bytes, and only the small
/// fragments that matter (route lines, table cells, headings) become `String`s.
enum ASCII {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let pipe: UInt8 = 0x7C
    static let backslash: UInt8 = 0x5C
    static let hash: UInt8 = 0x23
    static let backtick: UInt8 = 0x60
    static let dollar: UInt8 = 0x24
    static let tilde: UInt8 = 0x7E
    static let lessThan: UInt8 = 0x3C
    static let greaterThan: UInt8 = 0x3E
    static let dash: UInt8 = 0x2D
    static let colon: UInt8 = 0x3A
    static let slash: UInt8 = 0x2F
    static let star: UInt8 = 0x2A
    static let dot: UInt8 = 0x2E
    static let underscore: UInt8 = 0x5F
    static let question: UInt8 = 0x3F
    static let quote: UInt8 = 0x22
    static let apostrophe: UInt8 = 0x27
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }

    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b & ~0x20 : b }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return l >= 0x61 && l <= 0x7A
    }

    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }

    /// Whether every byte is ASCII, tested eight bytes at a time.
    static func isASCII(_ p: Span<UInt8>) -> Bool {
        var i = 0
        while i + 8 <= p.count {
            if p.loadWord(at: i) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < p.count {
            if p[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// The maximal runs of bytes in `p[range]` that `belongs` accepts: the parts between
    /// separators (never empty), or the words of ASCII text.
    @inline(__always)
    static func runs(_ p: Span<UInt8>, in range: Range<Int>, where belongs: (UInt8) -> Bool) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        // Room for eight at once: most texts split here (paths, names, titles) have fewer runs,
        // and growing an array from empty reallocates it at one, two, four and eight elements.
        runs.reserveCapacity(Swift.min(range.count, 8))
        var i = range.lowerBound
        while i < range.upperBound {
            guard belongs(p[i]) else { i += 1; continue }
            let start = i
            while i < range.upperBound && belongs(p[i]) { i += 1 }
            runs.append(start..<i)
        }
        return runs
    }

    /// The runs of letters and digits in `p[range]` (ASCII text's words).
    static func alphanumericRuns(_ p: Span<UInt8>, in range: Range<Int>) -> [Range<Int>] {
        runs(p, in: range, where: isAlphanumeric)
    }

    /// Whether `p[range]` is `lowered` (lower-case) but for the case of ASCII letters.
    static func equalsIgnoringCase(_ p: Span<UInt8>, _ range: Range<Int>, lowered: [UInt8]) -> Bool {
        guard range.count == lowered.count else { return false }
        var j = 0
        for i in range {
            if lower(p[i]) != lowered[j] { return false }
            j += 1
        }
        return true
    }

    /// A letter, digit, `.`, `_` or `-`: the bytes of front-matter keys, permission names and
    /// placeholder names.
    @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == 0x2E || b == 0x5F || b == 0x2D
    }
}

/// Tests of eight bytes at once, as a word: exact for "is any byte …".
enum WordBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is `byte` (the zero-byte test of `word ^ byte…byte`).
    @inline(__always) static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        let v = word ^ (UInt64(byte) &* ones)
        return (v &- ones) & ~v & highs != 0
    }

    /// Whether any byte of `word` is below `limit` (at most 0x80).
    @inline(__always) static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- UInt64(limit) &* ones) & ~word & highs != 0
    }
}

/// UTF-8 text known to be valid (a `String`'s bytes, or a page after `SourceText.decode`).
enum UTF8Text {
    /// The length of the sequence `lead` starts.
    @inline(__always) static func length(lead b: UInt8) -> Int { b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4 }

    /// The scalar value of the `length` bytes at `i`.
    @inline(__always) static func scalar(_ p: Span<UInt8>, at i: Int, length: Int) -> UInt32 {
        var value = UInt32(p[i]) & (length == 1 ? 0x7F : UInt32(0xFF) >> UInt32(length + 1))
        for k in 1..<max(1, length) { value = value << 6 | UInt32(p[i + k] & 0x3F) }
        return value
    }

    /// `p` without white space at either end, as `trimmingSpaces` trims: found on bytes; a
    /// non-ASCII scalar at an end is compared with the few non-ASCII White_Space scalars (a fixed
    /// list in Unicode) rather than looked up.
    static func trimmed(_ p: Span<UInt8>) -> Range<Int> {
        var lo = 0, hi = p.count
        while lo < hi {
            // ASCII, nearly every end byte, is decided without decoding a scalar.
            let b = p[lo]
            if b < 0x80 {
                guard isASCIIWhiteSpace(b) else { break }
                lo += 1
                continue
            }
            let length = length(lead: b)
            guard lo + length <= hi, isWhiteSpace(scalar(p, at: lo, length: length)) else { break }
            lo += length
        }
        while hi > lo {
            let b = p[hi - 1]
            if b < 0x80 {
                guard isASCIIWhiteSpace(b) else { break }
                hi -= 1
                continue
            }
            var start = hi - 1
            while start > lo, p[start] & 0xC0 == 0x80 { start -= 1 }
            guard isWhiteSpace(scalar(p, at: start, length: hi - start)) else { break }
            hi = start
        }
        return lo..<hi
    }

    /// `trimmed` of `p[range]`, as a range of `p`.
    static func trimmed(_ p: Span<UInt8>, in range: Range<Int>) -> Range<Int> {
        let t = trimmed(p.extracting(range))
        return range.lowerBound + t.lowerBound..<range.lowerBound + t.upperBound
    }

    /// The ASCII scalars `isWhiteSpace` accepts: tab to carriage return, and space.
    @inline(__always) static func isASCIIWhiteSpace(_ b: UInt8) -> Bool { b == ASCII.space || (b >= 0x09 && b <= 0x0D) }

    static func isWhiteSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension Array where Element == UInt8 {
    /// The first index at or after `from` where `pattern` starts, searching below `end`.
    func firstIndex(of pattern: [UInt8], from: Int, end: Int? = nil) -> Int? {
        let limit = end ?? count
        guard !pattern.isEmpty, from >= 0, from + pattern.count <= limit else { return nil }
        return withSpan { TextSearch.find(pattern, in: $0.extracting(from..<limit)) }.map { $0 + from }
    }

    func hasPrefix(_ pattern: [UInt8], at index: Int, end: Int? = nil) -> Bool {
        let limit = end ?? count
        guard index + pattern.count <= limit else { return false }
        for j in 0..<pattern.count where self[index + j] != pattern[j] { return false }
        return true
    }

    /// ASCII case-insensitive prefix test; `pattern` must be lower-case.
    func hasPrefixIgnoringCase(_ pattern: [UInt8], at index: Int, end: Int? = nil) -> Bool {
        let limit = end ?? count
        guard index + pattern.count <= limit else { return false }
        for j in 0..<pattern.count where ASCII.lower(self[index + j]) != pattern[j] { return false }
        return true
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: self[range], as: UTF8.self)
    }
}

extension String {
    var utf8Bytes: [UInt8] { Array(utf8) }
}

extension String {
    /// Byte order of the UTF-8 encodings (what `sort` gives under `LC_ALL=C`), compared with
    /// `memcmp` rather than one byte at a time (on borrowed bytes: sorting four times faster than
    /// on copies).
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        a.withUTF8Span { x in b.withUTF8Span { UTF8Text.precedes(x, $0) } }
    }
}
