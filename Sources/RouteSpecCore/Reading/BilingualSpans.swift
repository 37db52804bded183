/// Side-by-side ("sxs") translations wrap every text run as
/// `<span data-ttu-id="…">LOCAL</span><span class="sxs-lookup"><span data-stu-id="…">ENGLISH</span></span>`.
/// Identifiers are taken from the English half, so each pair is replaced by its English text.
/// Runs can cross line breaks; the English text is put on one line and every output byte
/// remembers the line it came from.
enum BilingualSpans {
    static let marker = Array("<span data-ttu-id=".utf8)
    private static let spanClose = Array("</span>".utf8)
    private static let lookupOpen = Array("<span class=\"sxs-lookup\">".utf8)
    private static let englishOpen = Array("<span data-stu-id=".utf8)

    struct Result {
        var bytes: [UInt8]
        var originalLine: [Int32]
    }

    static func unwrap(_ input: [UInt8], diagnostics: inout DiagnosticSink) -> Result {
        var out: [UInt8] = []
        var lines: [Int32] = []
        out.reserveCapacity(input.count / 2)
        lines.reserveCapacity(input.count / 2)
        var line: Int32 = 1
        var i = 0
        var unterminatedReported = false
        let n = input.count
        // Past the last `</span>` no pair can close: checked once, so unclosed spans stay linear.
        let lastClose = lastIndex(of: spanClose, in: input) ?? -1

        func emit(_ b: UInt8, _ l: Int32) { out.append(b); lines.append(l) }

        while i < n {
            if input[i] == ASCII.lessThan, i < lastClose, input.hasPrefix(marker, at: i),
               let pair = matchPair(input, at: i) {
                let startLine = line
                for k in i..<pair.end where input[k] == ASCII.newline { line += 1 }
                for k in pair.english {
                    let b = input[k]
                    emit(b == ASCII.newline || b == ASCII.carriageReturn ? ASCII.space : b, startLine)
                }
                i = pair.end
                continue
            }
            if input[i] == ASCII.lessThan, input.hasPrefix(marker, at: i) {
                // A localized span with no English partner: keep its text, drop the tag.
                if let close = input.firstIndex(of: [ASCII.greaterThan], from: i) {
                    if !unterminatedReported, close > lastClose {
                        diagnostics.warning("unterminated-span", "a bilingual <span> is never closed", line: Int(line))
                        unterminatedReported = true
                    }
                    i = close + 1
                    continue
                }
            }
            let b = input[i]
            emit(b, line)
            if b == ASCII.newline { line += 1 }
            i += 1
        }
        return Result(bytes: out, originalLine: lines)
    }

    private struct Pair {
        var english: Range<Int>
        var end: Int
    }

    private static func matchPair(_ s: [UInt8], at start: Int) -> Pair? {
        guard let localTagEnd = s.firstIndex(of: [ASCII.greaterThan], from: start) else { return nil }
        guard let localClose = s.firstIndex(of: spanClose, from: localTagEnd + 1) else { return nil }
        var j = localClose + spanClose.count
        j = skipSpace(s, j)
        guard s.hasPrefix(lookupOpen, at: j) else { return nil }
        j = skipSpace(s, j + lookupOpen.count)
        guard s.hasPrefix(englishOpen, at: j),
              let englishTagEnd = s.firstIndex(of: [ASCII.greaterThan], from: j) else { return nil }
        let englishStart = englishTagEnd + 1
        guard let englishClose = s.firstIndex(of: spanClose, from: englishStart) else { return nil }
        var end = skipSpace(s, englishClose + spanClose.count)
        if s.hasPrefix(spanClose, at: end) { end += spanClose.count } else { end = englishClose + spanClose.count }
        return Pair(english: englishStart..<englishClose, end: end)
    }

    private static func lastIndex(of pattern: [UInt8], in s: [UInt8]) -> Int? {
        guard s.count >= pattern.count else { return nil }
        var i = s.count - pattern.count
        while i >= 0 {
            if s.hasPrefix(pattern, at: i) { return i }
            i -= 1
        }
        return nil
    }

    private static func skipSpace(_ s: [UInt8], _ index: Int) -> Int {
        var j = index
        while j < s.count, s[j] == ASCII.space || s[j] == ASCII.newline || s[j] == ASCII.carriageReturn || s[j] == ASCII.tab { j += 1 }
        return j
    }
}

/// Non-breaking, narrow and zero-width spaces appear in translated pages between a method and its
/// path and inside names. Spaces become plain spaces; zero-width characters disappear.
enum OddSpaces {
    struct Result {
        var bytes: [UInt8]
        var lineOfByte: [Int32]?
    }

    /// The three-byte scalars `normalize` rewrites: U+2000–U+200A and U+202F (spaces), U+200B–U+200D
    /// and U+2060 (zero-width), U+FEFF (a BOM inside the text). U+00A0 is the two-byte one.
    static func isOdd(_ scalar: UInt32) -> Bool {
        (0x2000...0x200D).contains(scalar) || scalar == 0x202F || scalar == 0x2060 || scalar == 0xFEFF
    }

    /// `input` with odd spaces rewritten, given where the first is (`firstOdd(input)`).
    static func normalize(_ input: [UInt8], lineOfByte: [Int32]?, firstOdd: Int?) -> Result {
        // Most pages have none (an em dash also starts with 0xE2): then the bytes stay as they are.
        guard let first = firstOdd else { return Result(bytes: input, lineOfByte: lineOfByte) }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        out.append(contentsOf: input[..<first])
        var map: [Int32]? = lineOfByte.map { Array($0[..<first]) }
        map?.reserveCapacity(input.count)
        let n = input.count
        var i = first
        while i < n {
            // Runs without a byte that can start an odd space (0xC2, 0xE2, 0xEF) are copied whole.
            let plain = Self.plainRunEnd(input, from: i)
            if plain > i {
                out.append(contentsOf: input[i..<plain])
                if let lineOfByte { map?.append(contentsOf: lineOfByte[i..<plain]) }
                i = plain
                continue
            }
            let b = input[i]
            var replacement: UInt8? = nil
            var width = 1
            if b == 0xC2, i + 1 < n, input[i + 1] == 0xA0 {
                replacement = ASCII.space; width = 2
            } else if b == 0xE2, i + 2 < n, input[i + 1] == 0x80 {
                switch input[i + 2] {
                case 0x80...0x8A, 0xAF: replacement = ASCII.space; width = 3
                case 0x8B, 0x8C, 0x8D: replacement = nil; width = 3  // zero-width: dropped
                default: width = 1
                }
                if width == 3 {
                    if let r = replacement { out.append(r); map?.append(lineOfByte![i]) }
                    i += 3
                    continue
                }
            } else if b == 0xE2, i + 2 < n, input[i + 1] == 0x81, input[i + 2] == 0xA0 {
                i += 3  // word joiner
                continue
            } else if b == 0xEF, i + 2 < n, input[i + 1] == 0xBB, input[i + 2] == 0xBF {
                i += 3  // a BOM inside the text
                continue
            }
            if let r = replacement, width == 2 {
                out.append(r); map?.append(lineOfByte?[i] ?? 0)
                i += 2
                continue
            }
            out.append(b)
            map?.append(lineOfByte?[i] ?? 0)
            i += 1
        }
        return Result(bytes: out, lineOfByte: map)
    }

    /// The end of the run from `start` with no 0xC2, 0xE2 or 0xEF byte, found eight bytes at a time.
    private static func plainRunEnd(_ input: [UInt8], from start: Int) -> Int {
        input.withSpan { raw in
            var i = start
            while i + 8 <= raw.count {
                let w = raw.loadWord(at: i)
                if WordBytes.has(w, 0xC2) || WordBytes.has(w, 0xE2) || WordBytes.has(w, 0xEF) { break }
                i += 8
            }
            while i < raw.count, raw[i] != 0xC2, raw[i] != 0xE2, raw[i] != 0xEF { i += 1 }
            return i
        }
    }

    /// Where the first sequence `normalize` rewrites starts, if any.
    static func firstOdd(_ input: [UInt8]) -> Int? {
        input.withSpan { p in
            let n = p.count
            var lead = 0
            while lead + 1 < n {
                // Eight bytes at a time: is any of them 0xC2 or 0xE2 (equal but for bit 5), or 0xEF?
                if lead + 8 <= n {
                    let word = p.loadWord(at: lead)
                    if !WordBytes.has(word & 0xDFDF_DFDF_DFDF_DFDF, 0xC2) && !WordBytes.has(word, 0xEF) { lead += 8; continue }
                }
                let b = p[lead]
                guard b == 0xC2 || b == 0xE2 || b == 0xEF else { lead += 1; continue }
                let next = p[lead + 1]
                switch b {
                case 0xC2: if next == 0xA0 { return lead }
                case 0xE2:
                    if lead + 2 < n {
                        let last = p[lead + 2]
                        if next == 0x80 && ((0x80...0x8D).contains(last) || last == 0xAF) { return lead }
                        if next == 0x81 && last == 0xA0 { return lead }
                    }
                default:
                    if lead + 2 < n && next == 0xBB && p[lead + 2] == 0xBF { return lead }
                }
                lead += 1
            }
            return nil
        }
    }
}
