/// The YAML front matter block at the top of a page: only flat `key: value` pairs are needed,
/// and only a few of them are read: pairs stay byte ranges of the page until one is asked for.
struct FrontMatter: Sendable {
    private var bytes: [UInt8] = []
    /// Each pair's key and value (trimmed) in the page's bytes; a later pair wins.
    private var pairs: [(key: Range<Int>, value: Range<Int>)] = []
    /// Index of the first body line (after the closing `---`).
    var bodyStart = 0

    subscript(key: String) -> String? {
        let found = key.withUTF8Span { k in
            bytes.withSpan { all in pairs.last { pair in pair.key.count == k.count && UTF8Text.equal(all.extracting(pair.key), k) } }
        }
        guard let pair = found else { return nil }
        var value = pair.value
        if value.count >= 2, case let q = bytes[value.lowerBound], q == ASCII.quote || q == ASCII.apostrophe, bytes[value.upperBound - 1] == q {
            value = value.lowerBound + 1..<value.upperBound - 1
        }
        return bytes.string(value)
    }

    static func parse(_ text: SourceText, diagnostics: inout DiagnosticSink) -> FrontMatter {
        var result = FrontMatter()
        guard let first = text.lines.first, isDelimiter(text, first) else { return result }
        result.bytes = text.bytes
        result.pairs.reserveCapacity(16)  // the keys of nearly every page's front matter
        var index = 1
        var lastKeyLine = 0
        while index < text.lines.count {
            let line = text.lines[index]
            if isDelimiter(text, line) {
                result.bodyStart = index + 1
                return result
            }
            if let pair = keyValue(text.bytes, line.range) {
                result.pairs.append(pair)
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
        text.bytes.withSpan { all in
            let trimmed = UTF8Text.trimmed(all, in: line.range)
            return trimmed.count == 3 && all.extracting(trimmed).allSatisfy { $0 == ASCII.dash }
        }
    }

    /// `key: value`, split on bytes: the key's and the value's ranges, trimmed. A key is letters,
    /// digits, `.`, `_` and `-` (nearly always ASCII).
    static func keyValue(_ bytes: [UInt8], _ line: Range<Int>) -> (key: Range<Int>, value: Range<Int>)? {
        guard let colon = bytes[line].firstIndex(of: ASCII.colon) else { return nil }
        return bytes.withSpan { all in
            let key = UTF8Text.trimmed(all, in: line.lowerBound..<colon)
            guard !key.isEmpty, all.extracting(key).allSatisfy(ASCII.isKeyByte)
                    || all.string(key).allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" })
            else { return nil }
            return (key, UTF8Text.trimmed(all, in: colon + 1..<line.upperBound))
        }
    }
}

extension String {
    /// Trims white space (ASCII, and the Unicode spaces translations use) from both ends.
    public var trimmingSpaces: String { Substring(self).trimmingSpaces }
}

extension Substring {
    var trimmingSpaces: String {
        let u = utf8
        // The copy is made from the substring, not from the bytes: that skips validating them again.
        let bounds = withUTF8Span { UTF8Text.trimmed($0) }
        return String(Substring(u[u.index(u.startIndex, offsetBy: bounds.lowerBound)..<u.index(u.startIndex, offsetBy: bounds.upperBound)]))
    }
}
