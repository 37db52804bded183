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
