/// Splits a Markdown table line into cells: `\|` and `&#124;` are literal pipes, pipes inside
/// backticks do not split, and the outer pipes do not make empty cells.
enum TableRowSplitter {
    static func row(_ line: String) -> [String]? {
        line.withUTF8Bytes { row(bytes: $0) }
    }

    /// The cells of a row of (trimmed) bytes; nil if they are no table row.
    static func row(bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        split(bytes)?.map { cell(UnsafeBufferPointer(rebasing: bytes[$0.range]), escaped: $0.escaped) }
    }

    /// Whether the bytes are a table row, decided without making the cells (every line that
    /// may be structure is asked).
    static func isRow(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first == ASCII.pipe { return true }
        var cells = 1
        forEachSplit(bytes) { _ in cells += 1 }
        return cells - (hasTrailingPipe(bytes) ? 1 : 0) >= 2
    }

    /// Whether a row is a table's delimiter row (`|---|:--:|`): every cell dashes, colons and spaces.
    static func isDelimiter(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let cells = split(bytes), !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            let trimmed = UTF8Text.trimmed(UnsafeBufferPointer(rebasing: bytes[cell.range]))
            let c = bytes[cell.range][cell.range.lowerBound + trimmed.lowerBound..<cell.range.lowerBound + trimmed.upperBound]
            return c.contains(ASCII.dash) && c.allSatisfy { $0 == ASCII.dash || $0 == ASCII.colon || $0 == ASCII.space }
        }
    }

    /// The number of cells of a row; nil if it is no table row.
    static func cellCount(bytes: UnsafeBufferPointer<UInt8>) -> Int? { split(bytes)?.count }

    /// Calls `body` with the index of each pipe that splits cells: not escaped, not in backticks.
    private static func forEachSplit(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var inCode = false
        var i = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while i < bytes.count {
            // Eight bytes without a pipe, backslash or backtick change nothing: every line that may
            // be a table row is split, most of it text.
            if i + 8 <= raw.count {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if !WordBytes.has(w, ASCII.pipe) && !WordBytes.has(w, ASCII.backslash) && !WordBytes.has(w, ASCII.backtick) {
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b == ASCII.backslash, i + 1 < bytes.count {
                i += 2
                continue
            }
            if b == ASCII.backtick { inCode.toggle() }
            if b == ASCII.pipe && !inCode { body(i) }
            i += 1
        }
    }

    private static func hasTrailingPipe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.last == ASCII.pipe && !(bytes.count >= 2 && bytes[bytes.count - 2] == ASCII.backslash)
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, escaped: Bool)]? {
        guard bytes.contains(ASCII.pipe) else { return nil }
        var cells: [(range: Range<Int>, escaped: Bool)] = []
        cells.reserveCapacity(8)  // the cells of nearly every row, with the empty ones outside its pipes
        var start = 0
        forEachSplit(bytes) { i in
            cells.append((start..<i, bytes[start..<i].contains(ASCII.backslash)))
            start = i + 1
        }
        cells.append((start..<bytes.count, bytes[start...].contains(ASCII.backslash)))
        let leading = bytes.first == ASCII.pipe
        if leading { cells.removeFirst() }
        if hasTrailingPipe(bytes) && !cells.isEmpty { cells.removeLast() }
        return cells.count >= 2 || leading ? cells : nil
    }

    private static let encodedPipe = Array("&#124;".utf8)

    /// A cell's text, trimmed, with `\|` and `&#124;` as `|`; made from the page's bytes in one
    /// copy unless it holds a backslash escape.
    private static func cell(_ raw: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        guard escaped else { return cell(raw) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            if raw[i] == ASCII.backslash, i + 1 < raw.count {
                if raw[i + 1] != ASCII.pipe { unescaped.append(raw[i]) }
                unescaped.append(raw[i + 1])
                i += 2
            } else {
                unescaped.append(raw[i])
                i += 1
            }
        }
        return unescaped.withUnsafeBufferPointer { cell($0) }
    }

    private static func cell(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let trimmed = UnsafeBufferPointer(rebasing: bytes[UTF8Text.trimmed(bytes)])
        let text = String(decoding: trimmed, as: UTF8.self)
        guard TextSearch.find(encodedPipe, in: trimmed) != nil else { return text }
        return text.replacingEvery("&#124;", with: "|")
    }

}

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

/// `<a name="x"></a>` or `<a id="x"></a>` at the start of a heading.
enum AnchorTag {
    static func find(in s: String) -> (name: String, range: Range<String.Index>)? {
        // Most headings hold no tag at all: that is told without copying them.
        guard s.withUTF8Bytes({ $0.contains(ASCII.lessThan) }) else { return nil }
        let b = Array(s.utf8)
        guard let open = b.firstIndex(of: Array("<a ".utf8), from: 0) ?? b.firstIndex(of: Array("<A ".utf8), from: 0),
              let tagEnd = b.firstIndex(of: [ASCII.greaterThan], from: open) else { return nil }
        var name: [UInt8]? = nil
        for key in ["name=", "id="] {
            guard let k = b.firstIndex(of: Array(key.utf8), from: open, end: tagEnd) else { continue }
            var v = k + key.utf8.count
            if v < tagEnd, b[v] == UInt8(ascii: "\"") || b[v] == UInt8(ascii: "'") {
                let quote = b[v]
                v += 1
                var e = v
                while e < tagEnd, b[e] != quote { e += 1 }
                name = Array(b[v..<e])
            } else {
                var e = v
                while e < tagEnd, b[e] != ASCII.space { e += 1 }
                name = Array(b[v..<e])
            }
            break
        }
        guard let found = name, !found.isEmpty else { return nil }
        var end = tagEnd + 1
        var j = end
        while j < b.count, b[j] == ASCII.space { j += 1 }
        if b.hasPrefixIgnoringCase(Array("</a>".utf8), at: j) { end = j + 4 }
        let u = s.utf8
        let lower = u.index(u.startIndex, offsetBy: open)
        let upper = u.index(u.startIndex, offsetBy: end)
        return (String(decoding: found, as: UTF8.self).lowercased(), lower..<upper)
    }
}

/// `[!INCLUDE [label](../includes/x.md)]`, possibly inside a quote.
enum IncludeDirective {
    private static let directive = Array("[!include".utf8)

    static func target(_ line: String) -> String? {
        line.withUTF8Bytes { target(in: $0) }
    }

    /// Decided on bytes: most lines do not start with `[`, and most that do are links.
    static func target(in u: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        while i < u.count, u[i] == ASCII.greaterThan || u[i] == ASCII.space { i += 1 }
        guard u.count - i > directive.count else { return nil }
        for (k, d) in directive.enumerated() where ASCII.lower(u[i + k]) != d { return nil }
        guard let open = TextSearch.find(Self.linkStart, in: UnsafeBufferPointer(rebasing: u[i...])).map({ $0 + i + 2 }) else { return nil }
        var close = open
        while close < u.count, u[close] != UInt8(ascii: ")") { close += 1 }
        guard close < u.count else { return nil }
        // Trimmed on bytes, as `trimmingSpaces` trims, before a string is made.
        let inner = UnsafeBufferPointer(rebasing: u[open..<close])
        let kept = UTF8Text.trimmed(inner)
        return kept.isEmpty ? nil : String(decoding: UnsafeBufferPointer(rebasing: inner[kept]), as: UTF8.self)
    }

    private static let linkStart = Array("](".utf8)
}
