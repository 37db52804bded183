/// The YAML front matter block at the top of a page: only flat `key: value` pairs are needed.
struct FrontMatter: Sendable {
    var values: [String: String] = [:]
    /// Index of the first body line (after the closing `---`).
    var bodyStart = 0

    subscript(key: String) -> String? { values[key] }

    static func parse(_ text: SourceText, diagnostics: inout DiagnosticSink) -> FrontMatter {
        var result = FrontMatter()
        guard let first = text.lines.first, isDelimiter(text, first) else { return result }
        var index = 1
        var lastKeyLine = 0
        while index < text.lines.count {
            let line = text.lines[index]
            if isDelimiter(text, line) {
                result.bodyStart = index + 1
                return result
            }
            let content = text.text(line)
            if let (key, value) = keyValue(content) {
                result.values[key] = value
                lastKeyLine = index
            } else if !content.trimmingSpaces.isEmpty, !content.hasPrefix(" "), !content.hasPrefix("\t"), !content.hasPrefix("-") {
                break
            }
            index += 1
        }
        diagnostics.warning("unterminated-front-matter",
                            "the front matter opened on line 1 is never closed with '---'; it is taken to end at line \(text.lines[lastKeyLine].number)",
                            line: 1)
        result.bodyStart = lastKeyLine + 1
        return result
    }

    private static func isDelimiter(_ text: SourceText, _ line: SourceLine) -> Bool {
        let b = text.bytes
        var lo = line.range.lowerBound, hi = line.range.upperBound
        while lo < hi, b[lo] < 0x80, Substring.isSpaceByte(b[lo]) { lo += 1 }
        while hi > lo, b[hi - 1] < 0x80, Substring.isSpaceByte(b[hi - 1]) { hi -= 1 }
        if hi - lo == 3 { return b[lo] == ASCII.dash && b[lo + 1] == ASCII.dash && b[lo + 2] == ASCII.dash }
        // Only a Unicode space at an end can still make the line `---`.
        return hi - lo > 3 && (b[lo] >= 0x80 || b[hi - 1] >= 0x80) && text.text(line).trimmingSpaces == "---"
    }

    /// `key: value`, split on bytes (keys are nearly always ASCII; values are kept whole).
    static func keyValue(_ line: String) -> (String, String)? {
        let u = Array(line.utf8)
        guard let colon = u.firstIndex(of: ASCII.colon) else { return nil }
        let key = u.string(0..<colon).trimmingSpaces
        guard !key.isEmpty, key.utf8.allSatisfy({ ASCII.isKeyByte($0) }) || key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" })
        else { return nil }
        var value = u.string(colon + 1..<u.count).trimmingSpaces
        let v = value.utf8
        if v.count >= 2, let q = v.first, q == ASCII.quote || q == ASCII.apostrophe, v.last == q {
            value = String(decoding: v.dropFirst().dropLast(), as: UTF8.self)
        }
        return (key, value)
    }
}

extension String {
    /// Trims white space (ASCII, and the Unicode spaces translations use) from both ends.
    var trimmingSpaces: String { Substring(self).trimmingSpaces }
}

extension Substring {
    var trimmingSpaces: String {
        let u = utf8
        // The copy is made from the substring, not from the bytes: that skips validating them again.
        guard let (lo, hi) = u.withContiguousStorageIfAvailable({ Self.trimmedBounds($0) }) else { return String(self).trimmingSpaces }
        return String(Substring(u[u.index(u.startIndex, offsetBy: lo)..<u.index(u.startIndex, offsetBy: hi)]))
    }

    /// Trimmed on bytes: only a non-ASCII scalar at an end is decoded, and compared with the
    /// few non-ASCII White_Space scalars (a fixed list in Unicode) rather than looked up.
    private static func trimmedBounds(_ p: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var lo = 0, hi = p.count
        while lo < hi {
            let b = p[lo]
            if b < 0x80 {
                guard isSpaceByte(b) else { break }
                lo += 1
            } else {
                let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                guard lo + length <= hi, isWideSpace(p, at: lo, length: length) else { break }
                lo += length
            }
        }
        while hi > lo {
            let b = p[hi - 1]
            if b < 0x80 {
                guard isSpaceByte(b) else { break }
                hi -= 1
            } else {
                var start = hi - 1
                while start > lo, p[start] & 0xC0 == 0x80 { start -= 1 }
                guard isWideSpace(p, at: start, length: hi - start) else { break }
                hi = start
            }
        }
        return (lo, hi)
    }

    private static func isWideSpace(_ p: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Bool {
        guard length >= 2, length <= 3 else { return false }
        var value = UInt32(p[i]) & (length == 2 ? 0x1F : 0x0F)
        for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }
}
