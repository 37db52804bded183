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
            if let (key, value) = keyValue(text.bytes, line.range) {
                result.values[key] = value
                lastKeyLine = index
            } else if let first = text.bytes[line.range].first, first != ASCII.space, first != ASCII.tab, first != ASCII.dash,
                      !text.text(line).trimmingSpaces.isEmpty {
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
        text.bytes.withUnsafeBufferPointer { all in
            let trimmed = UTF8Text.trimmed(UnsafeBufferPointer(rebasing: all[line.range]))
            return trimmed.count == 3 && trimmed.allSatisfy { all[line.range.lowerBound + $0] == ASCII.dash }
        }
    }

    /// `key: value`, split on bytes (keys are nearly always ASCII; values are kept whole).
    static func keyValue(_ bytes: [UInt8], _ line: Range<Int>) -> (String, String)? {
        guard let colon = bytes[line].firstIndex(of: ASCII.colon) else { return nil }
        let key = bytes.string(line.lowerBound..<colon).trimmingSpaces
        guard !key.isEmpty, key.utf8.allSatisfy({ ASCII.isKeyByte($0) }) || key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" })
        else { return nil }
        var value = bytes.string(colon + 1..<line.upperBound).trimmingSpaces
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
        guard let bounds = u.withContiguousStorageIfAvailable(UTF8Text.trimmed) else { return String(self).trimmingSpaces }
        return String(Substring(u[u.index(u.startIndex, offsetBy: bounds.lowerBound)..<u.index(u.startIndex, offsetBy: bounds.upperBound)]))
    }
}
