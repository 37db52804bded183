import Foundation

/// What each distinct permission table reads as, kept for one compile. Most pages carry one of
/// a few thousand distinct tables (ru-RU: 19,464 tables, 3,766 distinct texts), and a table's
/// reading depends only on its text and the spacing of its lines, so each is read once and every
/// copy gets that reading moved to its own lines.
final class PermissionTableReadings: @unchecked Sendable {
    /// Facts and diagnostics with lines counted from the table's first line; facts that take the
    /// heading the table sits under have none yet.
    private struct Reading {
        var facts: [PermissionTableFact]?
        var diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var readings: [Data: Reading] = [:]

    /// `PermissionTableReader.read(text.table(t), heading:diagnostics:)`, read once per distinct table.
    func read(_ t: TableLines, in text: SourceText, heading: HeadingRef?, diagnostics: inout DiagnosticSink) -> [PermissionTableFact]? {
        let base = t.line
        let key = Data(Self.key(t, in: text))
        // lock()/unlock() rather than `withLock`, which Apple's Foundation has only from macOS 14.
        lock.lock()
        var reading = readings[key]
        lock.unlock()
        if reading == nil {
            var sink = DiagnosticSink(path: diagnostics.path)
            let facts = PermissionTableReader.read(text.table(t), heading: nil, diagnostics: &sink)
            let made = Reading(facts: facts.map { $0.map { Self.moved($0, by: -base, heading: nil) } },
                               diagnostics: sink.items.map { var d = $0; d.line -= base; return d })
            lock.lock()
            readings[key] = made
            lock.unlock()
            reading = made
        }
        for d in reading!.diagnostics { diagnostics.add(d.severity, d.code, d.message, d.line + base, d.column) }
        return reading!.facts.map { $0.map { Self.moved($0, by: base, heading: heading) } }
    }

    /// A matrix row's own heading moves with it; the other facts take `heading`.
    private static func moved(_ fact: PermissionTableFact, by offset: Int, heading: HeadingRef?) -> PermissionTableFact {
        var f = fact
        f.line += offset
        if f.isMatrixRow { f.heading?.line += offset } else { f.heading = heading }
        return f
    }

    /// Whether there is a header, then each line's distance from the first, its length and its text.
    private static func key(_ t: TableLines, in text: SourceText) -> [UInt8] {
        var key: [UInt8] = [t.header == nil ? 0 : 1]
        for line in [t.header].compactMap({ $0 }) + t.rows {
            text.withBytes(line.text) { bytes in
                key += "\(line.line - t.line) \(bytes.count):".utf8
                key.append(contentsOf: bytes)
            }
        }
        return key
    }
}
