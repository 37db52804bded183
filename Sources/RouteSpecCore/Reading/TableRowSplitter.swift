/// Splits a Markdown table line into cells: `\|` and `&#124;` are literal pipes, pipes inside
/// backticks do not split, and the outer pipes do not make empty cells.
enum TableRowSplitter {
    static func row(_ line: String) -> [String]? { line.withUTF8Span { row(bytes: $0) } }

    /// The cells of a row of (trimmed) bytes; nil if they are no table row.
    static func row(bytes: Span<UInt8>) -> [String]? {
        split(bytes)?.map { cell(bytes.extracting($0.range), escaped: $0.escaped) }
    }

    /// Whether the bytes are a table row, decided without making the cells (every line that
    /// may be structure is asked).
    static func isRow(_ bytes: Span<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        if bytes[0] == ASCII.pipe { return true }
        var cells = 1
        forEachSplit(bytes) { _ in cells += 1 }
        return cells - (hasTrailingPipe(bytes) ? 1 : 0) >= 2
    }

    /// Whether a row is a table's delimiter row (`|---|:--:|`): every cell dashes, colons and spaces.
    static func isDelimiter(bytes: Span<UInt8>) -> Bool {
        guard let cells = split(bytes), !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            let c = bytes.extracting(UTF8Text.trimmed(bytes, in: cell.range))
            return c.contains(ASCII.dash) && c.allSatisfy { $0 == ASCII.dash || $0 == ASCII.colon || $0 == ASCII.space }
        }
    }

    /// The number of cells of a row; nil if it is no table row.
    static func cellCount(bytes: Span<UInt8>) -> Int? { split(bytes)?.count }

    /// Calls `body` with the index of each pipe that splits cells: not escaped, not in backticks.
    private static func forEachSplit(_ bytes: Span<UInt8>, _ body: (Int) -> Void) {
        var inCode = false
        var i = 0
        while i < bytes.count {
            // Eight bytes without a pipe, backslash or backtick change nothing: every line that may
            // be a table row is split, most of it text.
            if i + 8 <= bytes.count {
                let w = bytes.loadWord(at: i)
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

    private static func hasTrailingPipe(_ bytes: Span<UInt8>) -> Bool {
        let n = bytes.count
        return n >= 1 && bytes[n - 1] == ASCII.pipe && !(n >= 2 && bytes[n - 2] == ASCII.backslash)
    }

    private static func split(_ bytes: Span<UInt8>) -> [(range: Range<Int>, escaped: Bool)]? {
        guard bytes.contains(ASCII.pipe) else { return nil }
        var cells: [(range: Range<Int>, escaped: Bool)] = []
        cells.reserveCapacity(8)  // the cells of nearly every row, with the empty ones outside its pipes
        var start = 0
        forEachSplit(bytes) { i in
            cells.append((start..<i, bytes.extracting(start..<i).contains(ASCII.backslash)))
            start = i + 1
        }
        cells.append((start..<bytes.count, bytes.extracting(start...).contains(ASCII.backslash)))
        let leading = bytes[0] == ASCII.pipe
        if leading { cells.removeFirst() }
        if hasTrailingPipe(bytes) && !cells.isEmpty { cells.removeLast() }
        return cells.count >= 2 || leading ? cells : nil
    }

    private static let encodedPipe = Array("&#124;".utf8)

    /// A cell's text, trimmed, with `\|` and `&#124;` as `|`; made from the page's bytes in one
    /// copy unless it holds a backslash escape.
    private static func cell(_ raw: Span<UInt8>, escaped: Bool) -> String {
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
        return unescaped.withSpan { cell($0) }
    }

    private static func cell(_ bytes: Span<UInt8>) -> String {
        let trimmed = bytes.extracting(UTF8Text.trimmed(bytes))
        let text = trimmed.string
        guard TextSearch.find(encodedPipe, in: trimmed) != nil else { return text }
        return text.replacingEvery("&#124;", with: "|")
    }
}
