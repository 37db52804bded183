/// `## <a name="http-request"></a>HTTP request` → level 2, anchor `http-request`, text `HTTP request`.
enum HeadingParser {
    static func parse(bytes: UnsafeBufferPointer<UInt8>, line number: Int) -> Heading? {
        let parsed = plainHeading(bytes) ?? parseText(String(decoding: bytes, as: UTF8.self))
        return parsed.map { var h = $0; h.line = number; return h }
    }

    /// A heading whose text holds nothing inline Markdown or HTML could touch (no `&`, `[`, `<`,
    /// `*`, `_`, `#` after the opening hashes), but for a leading `<a name="…"></a>` (translated
    /// pages start every title with one): read on bytes, as `parseText` would read it. Nil for any
    /// other line (which `parseText` then reads).
    static func plainHeading(_ b: UnsafeBufferPointer<UInt8>) -> Heading? {
        var hashes = 0
        while hashes < b.count && b[hashes] == ASCII.hash { hashes += 1 }
        guard hashes >= 1, hashes <= 6, hashes < b.count, b[hashes] == ASCII.space || b[hashes] == ASCII.tab else { return nil }
        // `parseText` wants the space as a whole character: one that a combining mark follows is not.
        let start = String(decoding: UnsafeBufferPointer(rebasing: b[hashes..<min(b.count, hashes + 8)]), as: UTF8.self)
        guard start.first == " " || start.first == "\t" else { return nil }
        let rest = UnsafeBufferPointer(rebasing: b[hashes...])
        var body = UnsafeBufferPointer(rebasing: rest[UTF8Text.trimmed(rest)])
        var anchor: String?
        if let (name, after) = leadingAnchor(body) {
            anchor = String(decoding: name, as: UTF8.self).lowercased()
            body = UnsafeBufferPointer(rebasing: body[after...])
            body = UnsafeBufferPointer(rebasing: body[UTF8Text.trimmed(body)])
        }
        for byte in body {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "*"), UInt8(ascii: "_"), ASCII.hash: return nil
            default: continue
            }
        }
        return Heading(level: hashes, anchor: anchor, text: InlineText.foldSpaces(bytes: body), line: 0)
    }

    private static let anchorOpen = Array("<a name=\"".utf8), anchorClose = Array("</a>".utf8)

    /// `<a name="x"></a>` (spaces allowed before `</a>`) at the start of `body`, its name made of
    /// letters, digits, `-`, `_`, `.` and `:`: the name, and where the text after the tag starts.
    private static func leadingAnchor(_ body: UnsafeBufferPointer<UInt8>) -> (name: UnsafeBufferPointer<UInt8>, after: Int)? {
        guard body.starts(with: anchorOpen) else { return nil }
        var end = anchorOpen.count
        while end < body.count, ASCII.isAlphanumeric(body[end]) || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), ASCII.colon].contains(body[end]) {
            end += 1
        }
        guard end > anchorOpen.count, end + 1 < body.count, body[end] == UInt8(ascii: "\""), body[end + 1] == ASCII.greaterThan else { return nil }
        var close = end + 2
        while close < body.count && body[close] == ASCII.space { close += 1 }
        guard UnsafeBufferPointer(rebasing: body[close...]).starts(with: anchorClose) else { return nil }
        return (UnsafeBufferPointer(rebasing: body[anchorOpen.count..<end]), close + anchorClose.count)
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
