import Foundation

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
        bytes.withUnsafeBufferPointer { memchr($0.baseAddress!, 0, min($0.count, 65_536)) != nil }
    }

    static func validate(_ bytes: [UInt8]) -> (firstInvalid: Int?, firstOddSpace: Int?) {
        bytes.withUnsafeBytes { validate($0) }
    }

    /// Where the bytes stop being valid UTF-8, if they do; and, before that, where the first
    /// sequence `OddSpaces` rewrites starts (found here, while every sequence is decoded anyway).
    private static func validate(_ bytes: UnsafeRawBufferPointer) -> (firstInvalid: Int?, firstOddSpace: Int?) {
        var i = 0
        let n = bytes.count
        var odd: Int?
        while i < n {
            // Runs of ASCII (markup, code, English) are checked eight bytes at a time.
            while i + 8 <= n, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            // Two-byte sequences (Cyrillic, Greek, accented Latin) are checked without decoding,
            // runs of them eight bytes at a time.
            if b >= 0xC2 && b <= 0xDF {
                if i + 8 <= n, isTwoByteRun(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)),
                                            withoutNoBreakSpace: odd == nil) {
                    i += 8
                    continue
                }
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

    /// Whether eight bytes (the first one lowest) are four valid two-byte sequences: leads
    /// 0xC2–0xDF in the even places, continuation bytes in the odd ones; with
    /// `withoutNoBreakSpace`, none of them U+00A0 (C2 A0, which `OddSpaces` rewrites).
    @inline(__always)
    private static func isTwoByteRun(_ w: UInt64, withoutNoBreakSpace: Bool) -> Bool {
        guard w & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0 else { return false }
        // A lead of 0xC0 or 0xC1 (an overlong encoding) has none of its bits 1–4 set.
        let leadBits = w & 0x001E_001E_001E_001E
        guard (leadBits &+ 0x7FFF_7FFF_7FFF_7FFF) & 0x8000_8000_8000_8000 == 0x8000_8000_8000_8000 else { return false }
        guard withoutNoBreakSpace else { return true }
        let v = w ^ 0xA0C2_A0C2_A0C2_A0C2
        return (v &- 0x0001_0001_0001_0001) & ~v & 0x8000_8000_8000_8000 == 0
    }

    private static func splitLines(_ bytes: [UInt8], lineOfByte: [Int32]?) -> [SourceLine] {
        var lines: [SourceLine] = []
        lines.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            var start = 0
            var number = 1
            while start < n {
                let base = buffer.baseAddress! + start
                let found = memchr(base, Int32(ASCII.newline), n - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - buffer.baseAddress! }
                let newline = found ?? n
                var end = newline
                if end > start && buffer[end - 1] == ASCII.carriageReturn { end -= 1 }
                let original = lineOfByte.map { start < $0.count ? Int($0[start]) : number } ?? number
                lines.append(SourceLine(range: start..<end, number: original))
                number += 1
                start = newline + 1
            }
        }
        return lines
    }
}
