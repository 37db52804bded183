/// `## <a name="http-request"></a>HTTP request` → level 2, anchor `http-request`, text `HTTP request`.
enum HeadingParser {
    static func parse(bytes: Span<UInt8>, line number: Int) -> Heading? {
        let parsed = plainHeading(bytes) ?? parseText(bytes.string)
        return parsed.map { var h = $0; h.line = number; return h }
    }

    /// `parseText`'s heading, read on bytes, of a line whose text (past a leading `<a name="…"></a>`)
    /// holds no `&`, `[`, `<`, `*`, `_` or `#`; nil for any other line.
    static func plainHeading(_ b: Span<UInt8>) -> Heading? {
        var hashes = 0
        while hashes < b.count && b[hashes] == ASCII.hash { hashes += 1 }
        guard hashes >= 1, hashes <= 6, hashes < b.count, b[hashes] == ASCII.space || b[hashes] == ASCII.tab else { return nil }
        // `parseText` wants the space as a whole character: one that a combining mark follows is not.
        let start = b.string(hashes..<min(b.count, hashes + 8))
        guard start.first == " " || start.first == "\t" else { return nil }
        var body = b.extracting(UTF8Text.trimmed(b, in: hashes..<b.count))
        var anchor: String?
        if let (name, after) = leadingAnchor(body) {
            anchor = body.string(name).lowercased()
            body = body.extracting(UTF8Text.trimmed(body, in: after..<body.count))
        }
        for i in body.indices {
            switch body[i] {
            case UInt8(ascii: "&"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "*"), UInt8(ascii: "_"), ASCII.hash: return nil
            default: continue
            }
        }
        return Heading(level: hashes, anchor: anchor, text: InlineText.foldSpaces(bytes: body), line: 0)
    }

    private static let anchorOpen = Array("<a name=\"".utf8), anchorClose = Array("</a>".utf8)

    /// A leading `<a name="x"></a>` (name of letters, digits, `-_.:`; spaces before `</a>`):
    /// the name's range, and where the text after the tag starts.
    private static func leadingAnchor(_ body: Span<UInt8>) -> (name: Range<Int>, after: Int)? {
        guard body.starts(with: anchorOpen) else { return nil }
        var end = anchorOpen.count
        while end < body.count, ASCII.isAlphanumeric(body[end]) || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), ASCII.colon].contains(body[end]) {
            end += 1
        }
        guard end > anchorOpen.count, end + 1 < body.count, body[end] == UInt8(ascii: "\""), body[end + 1] == ASCII.greaterThan else { return nil }
        var close = end + 2
        while close < body.count && body[close] == ASCII.space { close += 1 }
        guard body.extracting(close...).starts(with: anchorClose) else { return nil }
        return (anchorOpen.count..<end, close + anchorClose.count)
    }

    static func parseText(_ line: String) -> Heading? {
        let number = 0
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard hashes >= 1, hashes <= 6 else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" || rest.first == "<" else { return nil }
        var body = rest.trimmingSpaces
        while body.hasSuffix("#") { body.removeLast() }  // closing hashes
        if let tab = tabTarget(body) {
            return Heading(level: hashes, anchor: nil, text: tab, line: number, tab: tab)
        }
        var anchor: String? = nil
        if let a = AnchorTag.find(in: body) {
            anchor = a.name
            body = (String(body[..<a.range.lowerBound]) + String(body[a.range.upperBound...])).trimmingSpaces
        }
        return Heading(level: hashes, anchor: anchor, text: InlineText.plain(body), line: number)
    }

    /// `[HTTP](#tab/http)` → `http`.
    private static func tabTarget(_ text: String) -> String? {
        guard let offset = text.utf8Offset(of: "](#tab/") else { return nil }
        let after = text.utf8.dropFirst(offset + 7).prefix(while: { $0 != UInt8(ascii: ")") && $0 != ASCII.space })
        return String(decoding: after, as: UTF8.self).lowercased()
    }
}
