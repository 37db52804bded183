/// Success status codes: from the Response section's prose (`204 No Content`, `204, No Content`,
/// translated reasons inside backticks, "HTTP 201") and from example responses (`HTTP/1.1 204`).
enum ResponseCodeReader {
    private static let englishReasons: Set<String> = [
        "ok", "created", "accepted", "no", "non-authoritative", "reset", "partial", "multi-status", "moved", "found",
        "see", "not", "temporary", "permanent",
    ]

    /// Codes named in one line of prose. Read on the line's UTF-8 bytes: a code and the words
    /// around it that decide whether it counts are ASCII; non-ASCII neighbours are only asked
    /// whether they are letters or digits.
    static func prose(_ line: String) -> [Int] { line.withUTF8Span { prose(bytes: $0) } }

    static func prose(bytes: Span<UInt8>) -> [Int] {
        // A code is three ASCII digits in a row; most lines have none.
        var digits = 0
        guard bytes.contains(where: { b in
            digits = ASCII.isDigit(b) ? digits + 1 : 0
            return digits == 3
        }) else { return [] }
        return codes(in: bytes)
    }

    private static func codes(in b: Span<UInt8>) -> [Int] {
        var codes: [Int] = []
        let n = b.count
        var i = 0
        var inCode = false
        while i < n {
            let c = b[i]
            if c == ASCII.backtick { inCode.toggle(); i += 1; continue }
            guard ASCII.isDigit(c), i + 2 < n, ASCII.isDigit(b[i + 1]), ASCII.isDigit(b[i + 2]),
                  i == 0 || !endsWithWordPart(b, before: i),
                  i + 3 == n || !continuesCode(b, after: i + 3)
            else { i += 1; continue }
            let code = Int(c - 0x30) * 100 + Int(b[i + 1] - 0x30) * 10 + Int(b[i + 2] - 0x30)
            defer { i += 3 }
            guard (100...599).contains(code) else { continue }
            if inCode || followsHTTP(b, at: i) || namesReason(b, from: i + 3) { codes.append(code) }
        }
        return codes
    }

    /// Whether the character ending at `i` is a letter, a digit, `.` or `-`: then the digits
    /// after it are part of a word, a number or a version, not a status code.
    private static func endsWithWordPart(_ b: Span<UInt8>, before i: Int) -> Bool {
        let last = b[i - 1]
        if last < 0x80 { return ASCII.isAlphanumeric(last) || last == ASCII.dot || last == ASCII.dash }
        var start = i - 1
        while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
        return isLetterOrNumber(scalar(b, at: start))
    }

    /// Whether what follows the digits at `k` makes them part of something longer (`2001`,
    /// `200x`, `200-299`, `200.5`, `200ms`).
    private static func continuesCode(_ b: Span<UInt8>, after k: Int) -> Bool {
        let next = b[k]
        if next < 0x80 {
            return ASCII.isAlphanumeric(next) || next == ASCII.dash
                || next == ASCII.dot && k + 1 < b.count && ASCII.isDigit(b[k + 1])
        }
        return isLetterOrNumber(scalar(b, at: k))
    }

    private static func scalar(_ b: Span<UInt8>, at k: Int) -> Unicode.Scalar? {
        Unicode.Scalar(UTF8Text.scalar(b, at: k, length: min(UTF8Text.length(lead: b[k]), b.count - k)))
    }

    private static func isLetterOrNumber(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// `HTTP 201` or `HTTP/1.1 201`'s last part: the five characters before the code.
    private static func followsHTTP(_ b: Span<UInt8>, at i: Int) -> Bool {
        guard i >= 5, b[i - 1] == ASCII.space || b[i - 1] == ASCII.slash else { return false }
        return ASCII.equalsIgnoringCase(b, (i - 5)..<(i - 1), lowered: http)
    }

    private static let http = Array("http".utf8)

    /// Whether the word after the code (past spaces and commas) is an English reason phrase's first word.
    private static func namesReason(_ b: Span<UInt8>, from start: Int) -> Bool {
        var k = start
        while k < b.count, b[k] == ASCII.space || b[k] == UInt8(ascii: ",") { k += 1 }
        var word: [UInt8] = []
        while k < b.count, ASCII.isLetter(b[k]) || b[k] == ASCII.dash { word.append(ASCII.lower(b[k])); k += 1 }
        // A word that goes on in non-ASCII letters is no English reason.
        if k < b.count, b[k] >= 0x80, scalar(b, at: k)?.properties.isAlphabetic == true { return false }
        return !word.isEmpty && englishReasons.contains(String(decoding: word, as: UTF8.self))
    }

    /// The status of an example response block: its first line `HTTP/1.1 204 No Content`.
    static func example(_ firstLine: String) -> Int? { firstLine.withUTF8Span { example(bytes: $0) } }

    /// `example` of a line's bytes: every fence's first line is asked, and few are responses.
    static func example(bytes u: Span<UInt8>) -> Int? {
        let t = UTF8Text.trimmed(u)
        guard t.count >= 5, ASCII.equalsIgnoringCase(u, t.lowerBound..<t.lowerBound + 4, lowered: http),
              u[t.lowerBound + 4] == ASCII.slash || u[t.lowerBound + 4] == ASCII.space else { return nil }
        // The second space-separated word: three digits.
        var i = t.lowerBound
        while i < t.upperBound && u[i] != ASCII.space { i += 1 }
        while i < t.upperBound && u[i] == ASCII.space { i += 1 }
        let start = i
        while i < t.upperBound && u[i] != ASCII.space { i += 1 }
        guard i - start == 3, u.extracting(start..<i).allSatisfy(ASCII.isDigit) else { return nil }
        let code = Int(u[start] - 0x30) * 100 + Int(u[start + 1] - 0x30) * 10 + Int(u[start + 2] - 0x30)
        return (100...599).contains(code) ? code : nil
    }

    static func isSuccess(_ code: Int) -> Bool { code < 400 }
}
