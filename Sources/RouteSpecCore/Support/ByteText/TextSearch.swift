/// Substring search on UTF-8 bytes: Foundation's `contains` and `range(of:)` bridge to NSString
/// on Linux, which is many times slower.
extension StringProtocol {
    func has(_ needle: String) -> Bool { utf8Offset(of: needle) != nil }

    func utf8Offset(of needle: String) -> Int? {
        withUTF8Span { hay in needle.withUTF8Span { TextSearch.find($0, in: hay) } }
    }

    /// `range(of:)` for an exact match, searched on UTF-8 bytes.
    func utf8Range(of needle: String) -> Range<Index>? {
        guard let offset = utf8Offset(of: needle) else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Every occurrence of `target` replaced by `replacement`, matched on UTF-8 bytes.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        var rest = Substring(self)
        guard !target.isEmpty, var range = rest.utf8Range(of: target) else { return String(self) }
        var result = ""
        while true {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
            guard let next = rest.utf8Range(of: target) else { break }
            range = next
        }
        result += rest
        return result
    }
}

extension String {
    /// The runs of letters and digits (`/users/{id}/photo` → `users`, `id`, `photo`); ASCII text
    /// (nearly every path) is split on bytes, many times cheaper than on characters.
    var alphanumericRuns: [Substring] {
        let runs = withUTF8Span { p in ASCII.isASCII(p) ? ASCII.alphanumericRuns(p, in: p.indices) : nil }
        guard let runs else { return split(whereSeparator: { !($0.isLetter || $0.isNumber) }) }
        return substrings(utf8Ranges: runs)
    }
}

/// Text split on ASCII bytes. Splitting on bytes and splitting on characters differ in one case
/// only: a combining mark right after an ASCII delimiter (`-` then U+0301) forms one character
/// with it, so a character walk does not see the delimiter while a byte walk does. The byte
/// readers of pages, paths and names all take such a delimiter as a delimiter (as CommonMark,
/// which works on code points, does).
extension StringProtocol where SubSequence == Substring {
    /// The non-empty parts between the occurrences of an ASCII separator: what
    /// `split(separator:)` gives but for the case above.
    func split(asciiSeparator separator: UInt8) -> [Substring] {
        let ranges = withUTF8Span { p in ASCII.runs(p, in: p.indices) { $0 != separator } }
        return substrings(utf8Ranges: ranges)
    }

    /// The parts of the text at these ranges of its UTF-8 bytes.
    func substrings(utf8Ranges ranges: [Range<Int>]) -> [Substring] {
        let start = utf8.startIndex
        return ranges.map { self[utf8.index(start, offsetBy: $0.lowerBound)..<utf8.index(start, offsetBy: $0.upperBound)] }
    }
}

extension String {
    /// The ASCII words among the runs of letters and digits (what splitting the characters at
    /// every non-letter, non-digit and keeping the ASCII runs gives), found on bytes: most words
    /// of a translated title are not ASCII, and only pieces that mix scripts are split by character.
    var asciiWords: [Substring] {
        var words: [Substring] = []
        // The pieces between ASCII separators, and whether each is ASCII or holds an ASCII
        // letter or digit at all, are found on the bytes in one pass.
        let pieces = withUTF8Span { p in
            ASCII.runs(p, in: p.indices) { $0 >= 0x80 || ASCII.isAlphanumeric($0) }.map { r -> (Range<Int>, ascii: Bool, hasWordByte: Bool) in
                let bytes = p.extracting(r)
                return (r, ASCII.isASCII(bytes), bytes.contains(where: ASCII.isAlphanumeric))
            }
        }
        let kept = pieces.filter(\.hasWordByte)
        for (piece, (_, ascii, _)) in zip(substrings(utf8Ranges: kept.map(\.0)), kept) {
            if ascii {
                words.append(piece)
            } else {
                words += piece.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
            }
        }
        return words
    }
}

enum TextSearch {
    /// Where `pat` first starts in `hay`.
    static func find(_ pat: Span<UInt8>, in hay: Span<UInt8>) -> Int? {
        guard !pat.isEmpty else { return 0 }
        guard pat.count <= hay.count else { return nil }
        let first = pat[0]
        let limit = hay.count - pat.count
        var i = 0
        while i <= limit {
            // Candidates are found with memchr, which skips many bytes at a time.
            guard let hit = hay.extracting(i..<limit + 1).firstIndex(of: first) else { return nil }
            i += hit
            var j = 1
            while j < pat.count && hay[i + j] == pat[j] { j += 1 }
            if j == pat.count { return i }
            i += 1
        }
        return nil
    }

    static func find(_ pat: [UInt8], in hay: Span<UInt8>) -> Int? { pat.withSpan { find($0, in: hay) } }
}

/// A set of phrases searched for together in one lower-cased text: builds the text's bytes once.
struct PhraseSet: Sendable {
    let phrases: [[UInt8]]
    let originals: [String]

    init(_ words: [String]) {
        originals = words
        phrases = words.map { Array($0.utf8) }
    }

    func firstMatch(in text: String) -> String? {
        let hay = Array(text.utf8)
        for (k, p) in phrases.enumerated() where hay.firstIndex(of: p, from: 0) != nil { return originals[k] }
        return nil
    }

    func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }
}
