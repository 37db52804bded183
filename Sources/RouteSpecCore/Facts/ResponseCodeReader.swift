/// Success status codes: from the Response section's prose (`204 No Content`, `204, No Content`,
/// translated reasons inside backticks, "HTTP 201") and from example responses (`HTTP/1.1 204`).
enum ResponseCodeReader {
    private static let englishReasons: Set<String> = [
        "ok", "created", "accepted", "no", "non-authoritative", "reset", "partial", "multi-status", "moved", "found",
        "see", "not", "temporary", "permanent",
    ]

    private static let memo = Memo<[Int]>()

    /// Codes named in one line of prose.
    static func prose(_ line: String) -> [Int] {
        // A code is three ASCII digits in a row; most lines have none.
        var digits = 0
        guard line.utf8.contains(where: { b in
            digits = ASCII.isDigit(b) ? digits + 1 : 0
            return digits == 3
        }) else { return [] }
        return line.utf8.count > 500 ? proseUncached(line) : memo.value(for: line, compute: proseUncached)
    }

    private static func proseUncached(_ line: String) -> [Int] {
        var codes: [Int] = []
        let chars = Array(line)
        var i = 0
        var inCode = false
        while i < chars.count {
            let c = chars[i]
            if c == "`" { inCode.toggle(); i += 1; continue }
            guard c.isASCII, c.isNumber, i + 2 < chars.count,
                  chars[i + 1].isASCII, chars[i + 1].isNumber, chars[i + 2].isASCII, chars[i + 2].isNumber,
                  i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "." || chars[i - 1] == "-"),
                  i + 3 == chars.count || !(chars[i + 3].isLetter || chars[i + 3].isNumber || chars[i + 3] == "." && i + 4 < chars.count && chars[i + 4].isNumber || chars[i + 3] == "-" || chars[i + 3] == "x")
            else { i += 1; continue }
            let code = Int(String(chars[i...i + 2]))!
            defer { i += 3 }
            guard (100...599).contains(code) else { continue }
            let before = String(chars[max(0, i - 5)..<i]).uppercased()
            var k = i + 3
            while k < chars.count, chars[k] == " " || chars[k] == "," { k += 1 }
            var nextWord = ""
            while k < chars.count, chars[k].isLetter || chars[k] == "-" { nextWord.append(chars[k]); k += 1 }
            nextWord = nextWord.lowercased()
            if inCode || before.hasSuffix("HTTP ") || before.hasSuffix("HTTP/") || englishReasons.contains(nextWord) {
                codes.append(code)
            }
        }
        return codes
    }

    /// The status of an example response block: its first line `HTTP/1.1 204 No Content`.
    static func example(_ firstLine: String) -> Int? {
        let t = firstLine.trimmingSpaces
        guard t.uppercased().hasPrefix("HTTP/") || t.uppercased().hasPrefix("HTTP ") else { return nil }
        let parts = t.split(separator: " ")
        guard parts.count >= 2, parts[1].count == 3, let code = Int(parts[1]), (100...599).contains(code) else { return nil }
        return code
    }

    static func isSuccess(_ code: Int) -> Bool { code < 400 }
}
