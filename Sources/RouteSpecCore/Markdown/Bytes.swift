import Foundation

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

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return l >= 0x61 && l <= 0x7A
    }

    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }

    /// A letter, digit, `.`, `_` or `-` (the bytes of a front-matter key).
    @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == 0x2E || b == 0x5F || b == 0x2D
    }
}

extension Array where Element == UInt8 {
    /// The first index at or after `from` where `pattern` starts, searching below `end`.
    func firstIndex(of pattern: [UInt8], from: Int, end: Int? = nil) -> Int? {
        let limit = end ?? count
        guard !pattern.isEmpty, from >= 0, from + pattern.count <= limit else { return nil }
        return withUnsafeBufferPointer { all in
            let window = UnsafeBufferPointer(rebasing: all[from..<limit])
            return TextSearch.find(pattern, in: window).map { $0 + from }
        }
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
    /// `memcmp` rather than one byte at a time.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = Swift.min(x.count, y.count)
                let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return c != 0 ? c < 0 : x.count < y.count
            }
        }
    }
}
