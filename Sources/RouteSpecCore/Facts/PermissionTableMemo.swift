/// Permission tables repeat: most pages carry one of a few thousand distinct tables (the 2023
/// Russian corpus has 19,464 tables and 3,766 distinct table texts). How a table reads depends
/// only on its text and the spacing of its lines, so each distinct table is split into cells and
/// read once, and every copy gets that reading moved to its own lines.
enum PermissionTableMemo {
    /// A reading with lines counted from the table's first line. Facts that take the heading
    /// the table sits under have none yet.
    private struct Reading: Sendable {
        struct Message: Sendable {
            var severity: Diagnostic.Severity
            var code: String
            var message: String
            var line: Int
            var column: Int
        }
        var facts: [PermissionTableFact]?
        var messages: [Message]
    }

    private static let memo = Memo<Reading>(limit: 20_000)

    /// `PermissionTableReader.read(text.table(t), heading:diagnostics:)`, read once per distinct table.
    static func read(_ t: TableLines, in text: SourceText, heading: HeadingRef?, diagnostics: inout DiagnosticSink) -> [PermissionTableFact]? {
        let base = t.line
        let key = self.key(t, in: text)
        let reading = key.withUnsafeBufferPointer { keyBytes in
            memo.value(forBytes: keyBytes) { _ in
                var sink = DiagnosticSink(path: diagnostics.path)
                let facts = PermissionTableReader.read(text.table(t), heading: nil, diagnostics: &sink)
                return Reading(facts: facts.map { $0.map { moved($0, by: -base, heading: nil) } },
                               messages: sink.items.map { .init(severity: $0.severity, code: $0.code, message: $0.message,
                                                                line: $0.line - base, column: $0.column) })
            }
        }
        for m in reading.messages { diagnostics.add(m.severity, m.code, m.message, m.line + base, m.column) }
        return reading.facts.map { $0.map { moved($0, by: base, heading: heading) } }
    }

    /// A table row's own heading (a matrix row) moves with it; the others take `heading`.
    private static func moved(_ fact: PermissionTableFact, by offset: Int, heading: HeadingRef?) -> PermissionTableFact {
        var f = fact
        f.line += offset
        if f.isMatrixRow { f.heading?.line += offset } else { f.heading = heading }
        return f
    }

    /// Whether there is a header, then each line's distance from the first and its bytes.
    private static func key(_ t: TableLines, in text: SourceText) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(64 * (t.rows.count + 1))
        key.append(t.header == nil ? 0 : 1)
        func add(_ line: TableLines.Line) {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: line.line - t.line).littleEndian) { key.append(contentsOf: $0) }
            text.withBytes(line.text) { bytes in
                withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count).littleEndian) { key.append(contentsOf: $0) }
                key.append(contentsOf: bytes)
            }
        }
        if let header = t.header { add(header) }
        for row in t.rows { add(row) }
        return key
    }
}
