/// A message about an input page, printed the way compilers and IDEs read them:
/// `path:line:col: severity: message [code]`.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var path: String
    public var line: Int
    public var column: Int
    public var code: String
    public var message: String
    /// The file as reachable from the working directory (the input path as given plus the path
    /// below it), printed so that editors can open it. Not part of the model.
    public var file: String? = nil

    public init(_ severity: Severity, _ code: String, _ message: String, path: String, line: Int, column: Int = 1) {
        self.severity = severity
        self.code = code
        self.message = message
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    /// The one-line form for a terminal: line breaks become spaces and control or direction
    /// characters `\u{…}`, in the message and the path alike (both may come from the docs).
    public var formatted: String {
        "\(VisibleText.escaped(printedPath)):\(line):\(column): \(severity.rawValue): \(VisibleText.escaped(message)) [\(code)]"
    }

    public var printedPath: String { file ?? path }

    /// Total order used wherever diagnostics are listed: by file, position, then content.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }
}

/// Collects diagnostics for one page, resolving the page-relative line to a printed path.
struct DiagnosticSink {
    let path: String
    /// Where the file is, when `path` alone would not find it (include files).
    let file: String?
    private(set) var items: [Diagnostic] = []

    init(path: String, file: String? = nil) {
        self.path = path
        self.file = file
    }

    mutating func error(_ code: String, _ message: String, line: Int, column: Int = 1) { add(.error, code, message, line, column) }

    mutating func warning(_ code: String, _ message: String, line: Int, column: Int = 1) { add(.warning, code, message, line, column) }

    mutating func note(_ code: String, _ message: String, line: Int, column: Int = 1) { add(.note, code, message, line, column) }

    mutating func add(_ severity: Diagnostic.Severity, _ code: String, _ message: String, _ line: Int, _ column: Int) {
        var d = Diagnostic(severity, code, message, path: path, line: line, column: column)
        d.file = file
        items.append(d)
    }

    mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    /// Takes back findings a later step settled (an unreadable name it could read after all).
    mutating func removeAll(where settled: (Diagnostic) -> Bool) { items.removeAll(where: settled) }
}
