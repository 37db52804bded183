/// Identifiers from docs text: ASCII words joined in camel case, keywords escaped, never empty,
/// never starting with a digit.
enum SwiftNames {
    static let keywords = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
        "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "async", "some", "any", "Type",
        "Protocol", "borrowing", "consuming", "each", "macro", "package",
    ]

    /// Whether `name` is a keyword (written in backticks): compared byte by byte with the keywords
    /// of its length. Every generated name is checked, and hashing it for a set costs more.
    static func isKeyword(_ name: String) -> Bool {
        name.withUTF8Span { bytes in
            guard bytes.count < keywordsByLength.count else { return false }
            return keywordsByLength[bytes.count].contains { UTF8Text.equal(bytes, $0) }
        }
    }

    private static let keywordsByLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 1 + keywords.map(\.utf8.count).max()!)
        for k in keywords { table[k.utf8.count].append(Array(k.utf8)) }
        return table
    }()

    static func isValidIdentifier(_ s: String) -> Bool {
        // ASCII letters, digits and `_`, not starting with a digit; over a span of the bytes
        // (a walk of `utf8` costs several times as much, and every generated name is checked).
        s.withUTF8Span { bytes in
            guard !bytes.isEmpty, bytes[0] == 0x5F || ASCII.isLetter(bytes[0]) else { return false }
            for i in bytes.indices where !isIdentifierByte(bytes[i]) { return false }
            return true
        }
    }

    /// A letter, digit or `_`, looked up in two words of bits (one per half of ASCII): a range test
    /// per class cost several times as much per byte.
    @inline(__always) private static func isIdentifierByte(_ b: UInt8) -> Bool {
        let digits: UInt64 = 0x03FF_0000_0000_0000  // 0x30–0x39
        let lettersAndUnderscore: UInt64 = 0x07FF_FFFE_87FF_FFFE  // 0x41–0x5A, 0x5F, 0x61–0x7A
        return b < 64 ? (digits >> UInt64(b)) & 1 != 0 : b < 128 && (lettersAndUnderscore >> UInt64(b - 64)) & 1 != 0
    }

    /// ASCII words of `raw`; camel-case boundaries inside words are kept as they are.
    static func words(_ raw: String) -> [String] {
        // All-ASCII text (nearly every id and path): its letter and digit runs, split on bytes.
        let ascii = raw.withUTF8Span { p in ASCII.isASCII(p) ? ASCII.alphanumericRuns(p, in: p.indices).map { p.string($0) } : nil }
        return ascii ?? raw.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
    }

    /// `lowerCamel(words(raw))` (or `upperCamel`), made on bytes for ASCII text without a
    /// `String` per word.
    static func camelCase(ofWords raw: String, lowerFirst: Bool) -> String {
        raw.withUTF8Span { p in
            guard ASCII.isASCII(p) else { return lowerFirst ? lowerCamel(words(raw)) : upperCamel(words(raw)) }
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            for run in ASCII.alphanumericRuns(p, in: p.indices) {
                appendCamelWord(p.extracting(run), lowerStart: lowerFirst && out.isEmpty, to: &out)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func lowerCamel(_ words: [String]) -> String {
        if let ascii = asciiCamel(words, lowerFirst: true) { return ascii }
        var out = ""
        for (i, w) in words.enumerated() where !w.isEmpty {
            if i == 0 || out.isEmpty {
                let upperRun = w.prefix(while: { $0.isUppercase })
                // `URLSession` → `urlSession`; `ID` → `id`.
                if upperRun.count > 1 && upperRun.count < w.count {
                    out += upperRun.dropLast().lowercased() + w.dropFirst(upperRun.count - 1)
                } else if upperRun.count == w.count {
                    out += w.lowercased()
                } else {
                    out += w.prefix(1).lowercased() + w.dropFirst()
                }
            } else {
                out += w.prefix(1).uppercased() + w.dropFirst()
            }
        }
        return out
    }

    static func upperCamel(_ words: [String]) -> String {
        if let ascii = asciiCamel(words, lowerFirst: false) { return ascii }
        return words.filter { !$0.isEmpty }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `lowerCamel` or `upperCamel` of ASCII words (nil if any is not), on bytes: `words` gives
    /// ASCII, and changing the case of characters cost more than the rest of naming a route.
    private static func asciiCamel(_ words: [String], lowerFirst: Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(words.reduce(0) { $0 + $1.utf8.count })
        for w in words {
            let ascii = w.withUTF8Span { u in
                guard ASCII.isASCII(u) else { return false }
                appendCamelWord(u, lowerStart: lowerFirst && out.isEmpty, to: &out)
                return true
            }
            guard ascii else { return nil }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends an ASCII word to a camel-case name: with `lowerStart` (the first word of a
    /// lower-camel name) its leading capitals lower-cased (`URLSession` → `urlSession`; `ID` →
    /// `id`), else its first letter upper-cased.
    static func appendCamelWord(_ u: Span<UInt8>, lowerStart: Bool, to out: inout [UInt8]) {
        guard !u.isEmpty else { return }
        guard lowerStart else {
            out.append(ASCII.upper(u[0]))
            out.append(contentsOf: u.extracting(1...))
            return
        }
        var upperRun = 0
        while upperRun < u.count && ASCII.isUpper(u[upperRun]) { upperRun += 1 }
        let lowered = upperRun > 1 && upperRun < u.count ? upperRun - 1 : upperRun == u.count ? u.count : 1
        for i in 0..<lowered { out.append(ASCII.lower(u[i])) }
        out.append(contentsOf: u.extracting(lowered...))
    }

    /// A valid name from any text; `fallback` when nothing of it survives.
    /// The fallback is made only when needed (callers spell it with hashes and interpolation).
    static func name(_ candidate: String, fallback: @autoclosure () -> String) -> SwiftName {
        var s = candidate.isEmpty ? fallback() : candidate
        // Only an ASCII digit can lead a valid identifier once `_` is put before it.
        if let f = s.utf8.first, ASCII.isDigit(f) { s = "_" + s }
        return isValidIdentifier(s) ? SwiftName(validIdentifier: s) : SwiftName(verbatim: fallback())
    }

    /// A short stable hash for disambiguation (FNV-1a, hex).
    static func shortHash(_ s: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
