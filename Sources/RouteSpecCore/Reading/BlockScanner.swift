/// Splits a page body into blocks: headings, fenced code, tables, includes, tab markers and prose.
/// HTML comments are removed first (routes inside them are not routes); fences inside lists and
/// quotes are recognised; a fence that is never closed ends at the next section heading.
struct BlockScanner {
    private let text: SourceText
    private var diagnostics: DiagnosticSink
    private var blocks: [Block] = []
    private var pendingTable: [TableLines.Line] = []
    /// Lines from which an unclosed `<!--` counts only to the end of its own line.
    private var singleLineCommentsFrom = Int.max

    static func scan(_ text: SourceText, from start: Int, diagnostics: inout DiagnosticSink) -> [Block] {
        var scanner = BlockScanner(text: text, diagnostics: diagnostics)
        // Room for the blocks of a page of ordinary density, and the rows of most tables, at
        // once: grown from empty, each was reallocated several times per page.
        scanner.blocks.reserveCapacity(max(0, text.lines.count - start) / 2)
        scanner.pendingTable.reserveCapacity(32)
        if let unclosedAt = scanner.run(from: start) {
            // An HTML comment that never closes would swallow the rest of the page: warn, and read
            // again treating comments from there on as ending with their line.
            var retry = BlockScanner(text: text, diagnostics: diagnostics)
            retry.singleLineCommentsFrom = unclosedAt
            retry.diagnostics.warning("unterminated-comment",
                                      "an HTML comment ('<!--') is never closed; it is taken to end with its line",
                                      line: text.lines[unclosedAt].number)
            _ = retry.run(from: start)
            scanner = retry
        }
        diagnostics = scanner.diagnostics
        return scanner.blocks
    }

    private struct OpenFence {
        var marker: UInt8
        var length: Int
        var indent: Int
        var info: String
        var rawInfo: String
        var line: Int
        /// Room for the lines of most code blocks from the start.
        var content: [SourceLine] = {
            var lines: [SourceLine] = []
            lines.reserveCapacity(32)
            return lines
        }()
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)

    /// Returns the index of the line where an unclosed comment started, if any.
    private mutating func run(from start: Int) -> Int? {
        var fence: OpenFence? = nil
        var commentStart: Int? = nil
        var index = start
        let lines = text.lines
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            if let open = fence {
                if closesFence(line, open) {
                    emitFence(open, closed: true)
                    fence = nil
                } else if startsSection(line) {
                    diagnostics.warning("unclosed-fence", "a code fence opened on line \(open.line) is not closed before this heading",
                                        line: line.number)
                    emitFence(open, closed: false)
                    fence = nil
                    index -= 1  // read this line again as a heading
                } else {
                    // Append in place: copying the fence out and back would copy its lines every time.
                    fence!.content.append(stripIndent(line, open.indent))
                }
                continue
            }
            // Remove HTML comments, which may span lines. Lines without one stay as bytes.
            var visible: String? = nil
            if commentStart != nil {
                if let close = text.bytes.firstIndex(of: Self.commentClose, from: line.range.lowerBound, end: line.range.upperBound) {
                    commentStart = nil
                    visible = removeComments(text.bytes.string(close + 3..<line.range.upperBound), lineIndex: index, commentStart: &commentStart)
                } else {
                    continue
                }
            } else if text.bytes.firstIndex(of: Self.commentOpen, from: line.range.lowerBound, end: line.range.upperBound) != nil {
                visible = removeComments(text.text(line), lineIndex: index, commentStart: &commentStart)
            }
            if let visible {
                if let opened = visible.withUTF8Span({ Self.fenceOpening($0, line: line.number) }) {
                    flushTable()
                    fence = opened
                    continue
                }
                classify(.string(visible), line: line.number)
                continue
            }
            // The common case, decided on bytes: only lines that can be structure become strings.
            let content = trimmedRange(line.range)
            if content.isEmpty {
                flushTable()
                continue
            }
            let first = text.bytes[content.lowerBound]
            if mayOpenFence(line.range) {
                if let opened = text.withBytes(.bytes(line.range), { Self.fenceOpening($0, line: line.number) }) {
                    flushTable()
                    fence = opened
                    continue
                }
            }
            if first == ASCII.hash || first == ASCII.pipe || first == ASCII.dash || first == UInt8(ascii: "[")
                || first == ASCII.greaterThan || containsByte(ASCII.pipe, content) {
                classify(.bytes(content), line: line.number)
            } else {
                flushTable()
                blocks.append(.text(.bytes(content), line: line.number))
            }
        }
        if let open = fence {
            diagnostics.warning("unclosed-fence", "a code fence opened on line \(open.line) is never closed", line: open.line)
            emitFence(open, closed: false)
        }
        flushTable()
        return commentStart
    }

    private func removeComments(_ s: String, lineIndex: Int, commentStart: inout Int?) -> String {
        var result = ""
        var rest = Substring(s)
        while let open = rest.utf8Range(of: "<!--") {
            result += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if let close = after.utf8Range(of: "-->") {
                rest = after[close.upperBound...]
            } else {
                if lineIndex < singleLineCommentsFrom { commentStart = lineIndex }
                return result
            }
        }
        result += rest
        return result
    }

    private func trimmedRange(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        let b = text.bytes
        while lo < hi, ASCII.isSpace(b[lo]) { lo += 1 }
        while hi > lo, ASCII.isSpace(b[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Found with `memchr`: every line is asked, and most have no such byte.
    private func containsByte(_ x: UInt8, _ r: Range<Int>) -> Bool {
        !r.isEmpty && text.bytes.withSpan { $0.extracting(r).contains(x) }
    }

    /// Three backticks or tildes in a row somewhere on the line.
    private func mayOpenFence(_ r: Range<Int>) -> Bool {
        guard containsByte(ASCII.backtick, r) || containsByte(ASCII.tilde, r) else { return false }
        let b = text.bytes
        var run = 0
        var last: UInt8 = 0
        for i in r {
            let c = b[i]
            if c == ASCII.backtick || c == ASCII.tilde {
                run = (c == last) ? run + 1 : 1
                if run >= 3 { return true }
            } else {
                run = 0
            }
            last = c
        }
        return false
    }

    private static let fenceRuns = [Array("```".utf8), Array("~~~".utf8)]

    /// A fence's opening line: three or more backticks or tildes, perhaps inside quotes (`> `) and
    /// list items (`- `, `* `, `1. `), then the info string.
    private static func fenceOpening(_ s: Span<UInt8>, line: Int) -> OpenFence? {
        guard fenceRuns.contains(where: { TextSearch.find($0, in: s) != nil }) else { return nil }
        var i = 0
        var indent = 0
        while true {
            let before = i
            while i < s.count, ASCII.isSpace(s[i]) { i += 1; indent += 1 }
            if i < s.count, s[i] == ASCII.greaterThan { i += 1; indent += 1; continue }
            if i + 1 < s.count, s[i] == ASCII.dash || s[i] == ASCII.star || s[i] == UInt8(ascii: "+"), s[i + 1] == ASCII.space {
                i += 2; indent += 2; continue
            }
            var end = i
            while end < s.count, ASCII.isDigit(s[end]) { end += 1 }
            if end > i, end - i <= 3, end + 1 < s.count, s[end] == ASCII.dot || s[end] == ASCII.closeParen, s[end + 1] == ASCII.space {
                indent += end - i + 2; i = end + 2; continue
            }
            if i == before { break }
        }
        guard i < s.count, s[i] == ASCII.backtick || s[i] == ASCII.tilde else { return nil }
        let marker = s[i]
        var end = i
        while end < s.count, s[end] == marker { end += 1 }
        guard end - i >= 3 else { return nil }
        let info = s.extracting(UTF8Text.trimmed(s, in: end..<s.count))
        if marker == ASCII.backtick && info.contains(ASCII.backtick) { return nil }  // inline code, not a fence
        let raw = info.string
        return OpenFence(marker: marker, length: end - i, indent: indent, info: raw.lowercased(), rawInfo: raw, line: line)
    }

    private func closesFence(_ line: SourceLine, _ open: OpenFence) -> Bool {
        let bytes = text.bytes
        var i = line.range.lowerBound
        let end = line.range.upperBound
        while i < end, ASCII.isSpace(bytes[i]) || bytes[i] == ASCII.greaterThan { i += 1 }
        var run = 0
        while i < end, bytes[i] == open.marker { run += 1; i += 1 }
        guard run >= open.length else { return false }
        while i < end, ASCII.isSpace(bytes[i]) { i += 1 }
        return i == end
    }

    /// A level-1/2 heading with an anchor, or any `## ` heading, ends a fence that was never closed.
    private func startsSection(_ line: SourceLine) -> Bool {
        let bytes = text.bytes
        let start = line.range.lowerBound
        let end = line.range.upperBound
        // Every line of a fence is asked: most do not start with `#`.
        guard start < end, bytes[start] == ASCII.hash else { return false }
        return Self.sectionHeadingPrefixes.contains { bytes.hasPrefix($0, at: start, end: end) }
    }

    private static let sectionHeadingPrefixes = ["## ", "# <a name=", "### <a name="].map { Array($0.utf8) }

    private func stripIndent(_ line: SourceLine, _ indent: Int) -> SourceLine {
        var start = line.range.lowerBound
        var removed = 0
        while removed < indent, start < line.range.upperBound,
              text.bytes[start] == ASCII.space || text.bytes[start] == ASCII.greaterThan {
            start += 1; removed += 1
        }
        return SourceLine(range: start..<line.range.upperBound, number: line.number)
    }

    private mutating func emitFence(_ open: OpenFence, closed: Bool) {
        blocks.append(.fence(Fence(info: open.info, rawInfo: open.rawInfo, content: open.content, line: open.line, closed: closed)))
    }

    /// What a line is: decided on its bytes; only headings and includes become strings.
    private enum LineKind {
        case blank, tableRow
        case block(Block)
    }

    private mutating func classify(_ raw: Prose, line: Int) {
        let trimmed: Prose
        switch raw {
        case .string(let s): trimmed = .string(s.trimmingSpaces)
        case .bytes(let r):
            let t = text.withBytes(raw, UTF8Text.trimmed)
            trimmed = .bytes(r.lowerBound + t.lowerBound..<r.lowerBound + t.upperBound)
        }
        switch text.withBytes(trimmed, { Self.kind($0, trimmed, line: line) }) {
        case .blank:
            flushTable()
        case .tableRow:
            pendingTable.append(TableLines.Line(text: trimmed, line: line))
        case .block(let block):
            flushTable()
            blocks.append(block)
        }
    }

    private static func kind(_ u: Span<UInt8>, _ trimmed: Prose, line: Int) -> LineKind {
        guard !u.isEmpty else { return .blank }
        let first = u[0]
        if TableRowSplitter.isRow(u) { return .tableRow }
        if first == ASCII.hash, let heading = HeadingParser.parse(bytes: u, line: line) {
            return .block(heading.tab.map { .tab(label: $0, line: line) } ?? .heading(heading))
        }
        if u.count == 3 && u.allSatisfy({ $0 == ASCII.dash }) { return .block(.tabGroupEnd(line: line)) }
        if let target = IncludeDirective.target(in: u) { return .block(.include(Include(target: target, line: line))) }
        return .block(.text(trimmed, line: line))
    }

    private mutating func flushTable() {
        guard !pendingTable.isEmpty else { return }
        defer { pendingTable.removeAll(keepingCapacity: true) }
        // A table is a header row, a delimiter row and body rows; lone rows are prose.
        let rows = pendingTable, text = text
        let isDelimiter = { (row: TableLines.Line) in text.withBytes(row.text, TableRowSplitter.isDelimiter(bytes:)) }
        if rows.count >= 2, isDelimiter(rows[1]) {
            blocks.append(.table(TableLines(header: rows[0], rows: Array(rows.dropFirst(2)))))
        } else if rows.count >= 2,
                  rows.allSatisfy({ text.prose($0.text, startsWith: ASCII.pipe) && (text.withBytes($0.text, TableRowSplitter.cellCount(bytes:)) ?? 0) >= 2 }),
                  !isDelimiter(rows[0]) {
            // Header-less tables happen in translations that lost a line; keep them as body rows.
            blocks.append(.table(TableLines(header: nil, rows: rows)))
        } else {
            for entry in rows { blocks.append(.text(entry.text, line: entry.line)) }
        }
    }
}
