/// The structural pieces of a page that the fact extractors look at. Content stays in the
/// `SourceText` and is turned into strings only when an extractor needs it.
enum Block: Sendable {
    case heading(Heading)
    case fence(Fence)
    case table(TableLines)
    case include(Include)
    /// A line of prose, a list item or a quote, comments removed; read with `SourceText.prose(_:)`.
    case text(Prose, line: Int)
    /// `# [HTTP](#tab/http)`: a tab in a tab group; tabs are not headings.
    case tab(label: String, line: Int)
    /// A bare `---` closing a tab group.
    case tabGroupEnd(line: Int)

    var line: Int {
        switch self {
        case .heading(let h): h.line
        case .fence(let f): f.line
        case .table(let t): t.line
        case .include(let i): i.line
        case .text(_, let line), .tab(_, let line), .tabGroupEnd(let line): line
        }
    }
}

/// Prose stays in the page's bytes until a reader asks for it (most prose is never read).
enum Prose: Sendable {
    case bytes(Range<Int>)
    case string(String)
}

extension SourceText {
    /// The prose line, trimmed.
    func prose(_ p: Prose) -> String {
        switch p {
        case .string(let s): s
        case .bytes(let r): bytes.string(r).trimmingSpaces
        }
    }

    /// The line's bytes, without making a string.
    func withBytes<R>(_ p: Prose, _ body: (Span<UInt8>) -> R) -> R {
        switch p {
        case .string(let s): s.withUTF8Span(body)
        case .bytes(let r): bytes.withSpan { body($0.extracting(r)) }
        }
    }

    /// A table row's cells; nil if the line is no table row.
    func cells(_ p: Prose) -> [String]? { withBytes(p) { TableRowSplitter.row(bytes: $0) } }

    /// A table's rows split into cells (a header-less table gets an empty header).
    func table(_ t: TableLines) -> Table {
        let row = { (l: TableLines.Line) in Table.Row(cells: cells(l.text) ?? [], line: l.line) }
        return Table(header: t.header.map(row) ?? Table.Row(cells: [], line: t.line), rows: t.rows.map(row))
    }

    /// Whether the line starts with `b` (after leading spaces), without making a string.
    func prose(_ p: Prose, startsWith b: UInt8) -> Bool {
        switch p {
        case .string(let s): s.utf8.first == b
        case .bytes(let r): r.lowerBound < r.upperBound && bytes[r.lowerBound] == b
        }
    }
}

struct Heading: Sendable {
    var level: Int
    var anchor: String?
    var text: String
    var line: Int
    /// `# [HTTP](#tab/http)` is a tab of a tab group, not a heading: its target (`http`).
    var tab: String? = nil
}

struct Fence: Sendable {
    /// Lower-cased info string, e.g. `http`, `msgraph-interactive`, or empty.
    var info: String
    /// The info string as written.
    var rawInfo: String
    /// Content lines, still in the page's bytes; `SourceText.text(_:)` reads one.
    var content: [SourceLine]
    var line: Int
    var closed: Bool
}

/// A table as the scanner found it, its rows still text: most tables (of properties and
/// parameters) are never read, so their cells are made only on demand (`SourceText.table(_:)`).
struct TableLines: Sendable {
    struct Line: Sendable {
        var text: Prose
        var line: Int
    }
    /// Nil for a header-less table (translations that lost a line).
    var header: Line?
    /// The body rows (every row of a header-less table).
    var rows: [Line]
    var line: Int { header?.line ?? rows[0].line }
}

struct Table: Sendable {
    struct Row: Sendable {
        var cells: [String]
        var line: Int
    }
    var header: Row
    var rows: [Row]
    var line: Int { header.line }
}

struct Include: Sendable {
    var target: String
    var line: Int
}
