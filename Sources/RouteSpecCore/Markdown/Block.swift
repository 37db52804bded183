/// The structural pieces of a page that the fact extractors look at. Content stays in the
/// `SourceText` and is turned into strings only when an extractor needs it.
enum Block: Sendable {
    case heading(Heading)
    case fence(Fence)
    case table(Table)
    case include(Include)
    /// A line of prose, a list item or a quote: index into `SourceText.lines`, with comments removed.
    case text(String, line: Int)
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
    /// Content lines, still in the page's bytes; `SourceText.text(_:)` reads one.
    var content: [SourceLine]
    var line: Int
    var closed: Bool
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
