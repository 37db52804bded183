/// Inline Markdown and HTML reduced to text: links to their text, tags and emphasis removed,
/// entities decoded, runs of spaces folded.
enum InlineText {
    static func plain(_ s: String) -> String {
        var t = HTMLEntities.decode(s)
        t = removeLinks(t)
        t = removeTags(t, replacement: " ")
        if t.has("**") { t = t.replacingEvery("**", with: "") }
        if t.has("__") { t = t.replacingEvery("__", with: "") }
        return foldSpaces(t)
    }

    /// `[text](target)` → `text`; `[text][ref]` → `text`.
    static func removeLinks(_ s: String) -> String {
        guard s.has("](") || s.has("][") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "[", let close = matchingBracket(s, from: i) {
                let after = s.index(after: close)
                if after < s.endIndex, s[after] == "(" || s[after] == "[" {
                    let closer: Character = s[after] == "(" ? ")" : "]"
                    if let end = s[after...].firstIndex(of: closer) {
                        out += s[s.index(after: i)..<close]
                        i = s.index(after: end)
                        continue
                    }
                }
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }

    private static func matchingBracket(_ s: String, from open: String.Index) -> String.Index? {
        var depth = 0
        var i = open
        while i < s.endIndex {
            if s[i] == "[" { depth += 1 }
            if s[i] == "]" { depth -= 1; if depth == 0 { return i } }
            i = s.index(after: i)
        }
        return nil
    }

    /// Removes `<tag …>` and `</tag>`; a `<` not starting a tag (e.g. `<id | upn>` in a path) stays.
    static func removeTags(_ s: String, replacement: String) -> String {
        guard s.has("<") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "<", let end = tagEnd(s, from: i) {
                out += replacement
                i = s.index(after: end)
                continue
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    static let knownTags: Set<String> = ["a", "b", "i", "u", "em", "strong", "br", "ul", "ol", "li", "p", "span", "div",
                                         "code", "sup", "sub", "table", "tr", "td", "th", "tbody", "thead", "img", "font", "nobr", "small"]

    static func tagEnd(_ s: String, from open: String.Index) -> String.Index? {
        var j = s.index(after: open)
        if j < s.endIndex, s[j] == "/" { j = s.index(after: j) }
        let nameStart = j
        while j < s.endIndex, s[j].isASCII, s[j].isLetter { j = s.index(after: j) }
        let name = s[nameStart..<j].lowercased()
        guard knownTags.contains(name), j < s.endIndex, s[j] == ">" || s[j] == " " || s[j] == "/" else { return nil }
        return s[j...].firstIndex(of: ">")
    }

    static func foldSpaces(_ s: String) -> String {
        s.withUTF8Span { foldSpaces(bytes: $0) }
    }

    /// `foldSpaces` of valid UTF-8.
    static func foldSpaces(bytes: Span<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for i in bytes.indices {
            let b = bytes[i]
            if b == ASCII.space || b == ASCII.tab || b == ASCII.newline || b == ASCII.carriageReturn {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(ASCII.space); pendingSpace = false }
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

enum HTMLEntities {
    private static let named: [String: String] = [
        "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'", "ndash": "–", "mdash": "—",
    ]

    static func decode(_ s: String) -> String {
        guard s.has("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(10).firstIndex(of: ";") {
                let name = String(s[s.index(after: i)..<semi])
                if let value = named[name] ?? numeric(name) {
                    out += value
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    private static func numeric(_ name: String) -> String? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") { value = UInt32(digits.dropFirst(), radix: 16) } else { value = UInt32(digits) }
        guard let v = value, let scalar = Unicode.Scalar(v), v != 0 else { return nil }
        return String(Character(scalar))
    }
}
