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
    /// The input root as given on the command line; prefixed to `path` when printing so that
    /// editors can open the file. Not part of the model.
    public var root: String = ""

    public init(_ severity: Severity, _ code: String, _ message: String, path: String, line: Int, column: Int = 1) {
        self.severity = severity
        self.code = code
        self.message = message
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    /// The one-line form; newlines in the message are flattened so that one diagnostic stays one line.
    public var formatted: String {
        let flat = message.replacingNewlines()
        return "\(printedPath):\(line):\(column): \(severity.rawValue): \(flat) [\(code)]"
    }

    public var printedPath: String {
        guard !root.isEmpty, !path.hasPrefix("/") else { return path }
        return root.hasSuffix("/") ? root + path : root + "/" + path
    }

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

extension String {
    func replacingNewlines() -> String {
        guard contains(where: { $0.isNewline }) else { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }
}

/// Collects diagnostics for one page, resolving the page-relative line to a printed path.
struct DiagnosticSink {
    let path: String
    private(set) var items: [Diagnostic] = []

    init(path: String) { self.path = path }

    mutating func error(_ code: String, _ message: String, line: Int, column: Int = 1) {
        items.append(Diagnostic(.error, code, message, path: path, line: line, column: column))
    }

    mutating func warning(_ code: String, _ message: String, line: Int, column: Int = 1) {
        items.append(Diagnostic(.warning, code, message, path: path, line: line, column: column))
    }

    mutating func note(_ code: String, _ message: String, line: Int, column: Int = 1) {
        items.append(Diagnostic(.note, code, message, path: path, line: line, column: column))
    }

    mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }
}
