/// One physical line of a page after normalisation, with the line number it had in the file.
struct SourceLine: Sendable {
    var range: Range<Int>
    var number: Int
}

/// A page's bytes made uniform for scanning: BOM removed, invalid UTF-8 replaced, bilingual
/// spans reduced to their English half, odd spaces made plain, split into lines that remember
/// where they were in the file (spans can cross line breaks, so lines can merge).
struct SourceText: Sendable {
    var bytes: [UInt8]
    var lines: [SourceLine]
    var isBilingual: Bool

    func text(_ line: SourceLine) -> String { bytes.string(line.range) }

    func text(lineAt index: Int) -> String { bytes.string(lines[index].range) }

    static func decode(_ raw: [UInt8], diagnostics: inout DiagnosticSink) -> SourceText? {
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.isEmpty {
            diagnostics.error("empty-page", "the page is empty", line: 1)
            return nil
        }
        if looksBinary(bytes) {
            diagnostics.error("binary-page", "the page is not text (it contains NUL bytes)", line: 1)
            return nil
        }
        let checked = validate(bytes)
        // Where the first odd space is, as the bytes stand now (nil: none); unknown once they change.
        var firstOddSpace: Int?? = .some(checked.firstOddSpace)
        if let bad = checked.firstInvalid {
            let line = bytes[..<bad].reduce(1) { $0 + ($1 == ASCII.newline ? 1 : 0) }
            diagnostics.warning("invalid-utf8", "the page is not valid UTF-8; invalid bytes were replaced with U+FFFD", line: line)
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
            firstOddSpace = nil
        }
        var lineOfByte: [Int32]? = nil
        var bilingual = false
        if bytes.firstIndex(of: BilingualSpans.marker, from: 0) != nil {
            bilingual = true
            let unwrapped = BilingualSpans.unwrap(bytes, diagnostics: &diagnostics)
            bytes = unwrapped.bytes
            lineOfByte = unwrapped.originalLine
            firstOddSpace = nil
        }
        let cleaned = OddSpaces.normalize(bytes, lineOfByte: lineOfByte, firstOdd: firstOddSpace ?? OddSpaces.firstOdd(bytes))
        return SourceText(bytes: cleaned.bytes, lines: splitLines(cleaned.bytes, lineOfByte: cleaned.lineOfByte), isBilingual: bilingual)
    }

    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withSpan { $0.extracting(0..<min(bytes.count, 65_536)).contains(0) }
    }

    static func validate(_ bytes: [UInt8]) -> (firstInvalid: Int?, firstOddSpace: Int?) {
        bytes.withSpan { validate($0) }
    }

    /// Where the bytes stop being valid UTF-8, if they do; and, before that, where the first
    /// sequence `OddSpaces` rewrites starts (found here, while every sequence is decoded anyway).
    private static func validate(_ bytes: Span<UInt8>) -> (firstInvalid: Int?, firstOddSpace: Int?) {
        var i = 0
        let n = bytes.count
        var odd: Int?
        while i < n {
            // Runs of ASCII (markup, code, English) are checked eight bytes at a time.
            while i + 8 <= n, bytes.loadWord(at: i) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            // Text mixing ASCII with two-byte sequences (Cyrillic, Greek, accented Latin: a word,
            // a space, a word) is checked eight bytes at a time without decoding.
            if i + 8 <= n, let step = mixedTwoByteStep(bytes.loadWord(at: i), withoutNoBreakSpace: odd == nil) {
                i += step
                continue
            }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0xC2 && b <= 0xDF {
                guard i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 else { return (i, odd) }
                if odd == nil && b == 0xC2 && bytes[i + 1] == 0xA0 { odd = i }
                i += 2
                continue
            }
            let length: Int
            var minimum: UInt32
            if b & 0xE0 == 0xC0 { length = 2; minimum = 0x80 }
            else if b & 0xF0 == 0xE0 { length = 3; minimum = 0x800 }
            else if b & 0xF8 == 0xF0 { length = 4; minimum = 0x10000 }
            else { return (i, odd) }
            guard i + length <= n else { return (i, odd) }
            var scalar = UInt32(b) & (0xFF >> UInt32(length + 1))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return (i, odd) }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return (i, odd) }
            if odd == nil && length == 3 && OddSpaces.isOdd(scalar) { odd = i }
            i += length
        }
        return (nil, odd)
    }

    /// How many of eight bytes (the first one lowest, starting a sequence) are ASCII and whole
    /// valid two-byte sequences: 8, or 7 when the last byte leads a sequence the next word ends;
    /// nil when they hold anything else (longer sequences, invalid bytes) or, with
    /// `withoutNoBreakSpace`, may hold U+00A0 (C2 A0, which `OddSpaces` rewrites): those are
    /// read one sequence at a time.
    @inline(__always)
    private static func mixedTwoByteStep(_ w: UInt64, withoutNoBreakSpace: Bool) -> Int? {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let nonASCII = w & highs
        let bit6 = (w << 1) & highs, bit5 = (w << 2) & highs
        let leads = nonASCII & bit6
        let continuations = nonASCII & ~bit6
        // 0xE0 and above: longer sequences or invalid bytes.
        guard leads & bit5 == 0 else { return nil }
        // Each lead is followed by one continuation, and each continuation follows a lead (the
        // first byte starts a sequence; a lead in the last place is left for the next word).
        guard continuations == leads << 8 else { return nil }
        // A lead of 0xC0 or 0xC1 (an overlong encoding) has none of its bits 1–4 set.
        let leadBitsSet = ((w & 0x1E1E_1E1E_1E1E_1E1E) &+ 0x7F7F_7F7F_7F7F_7F7F) & highs
        guard leads & ~leadBitsSet == 0 else { return nil }
        if withoutNoBreakSpace && leads != 0 && WordBytes.has(w, 0xA0) { return nil }
        return leads & 0x8000_0000_0000_0000 != 0 ? 7 : 8
    }

    private static func splitLines(_ bytes: [UInt8], lineOfByte: [Int32]?) -> [SourceLine] {
        var lines: [SourceLine] = []
        lines.reserveCapacity(bytes.count / 40 + 1)
        bytes.withSpan { all in
            let n = all.count
            var start = 0
            var number = 1
            while start < n {
                let newline = all.extracting(start..<n).firstIndex(of: ASCII.newline).map { $0 + start } ?? n
                var end = newline
                if end > start && all[end - 1] == ASCII.carriageReturn { end -= 1 }
                lines.append(SourceLine(range: start..<end, number: number))
                number += 1
                start = newline + 1
            }
        }
        // Bilingual pages were rewritten: each line takes the number its first byte had.
        if let lineOfByte {
            for i in lines.indices where lines[i].range.lowerBound < lineOfByte.count {
                lines[i].number = Int(lineOfByte[lines[i].range.lowerBound])
            }
        }
        return lines
    }
}
