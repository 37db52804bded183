/// Spells permission names the way tokens carry them: a name the vocabulary does not know, with
/// exactly one name clearly meant (a typo, dots lost, case, a word glued before it), is replaced
/// by it, the docs' spelling kept in `docsSpelling`, with a warning at the line that has it.
/// Names without such a match stay as written, with a note.
enum PermissionNameRepair {
    static func apply(_ vocabulary: NameRepairs, to tables: inout [PermissionTableFact], text: SourceText,
                      diagnostics: inout DiagnosticSink) {
        var reported = Set<String>()
        for t in tables.indices {
            for kind in SchemeKind.allCases {
                guard var scheme = tables[t].permissions[kind], scheme.supported else { continue }
                var repaired: [String: String] = [:]
                // Cell items that are no well-formed name but one the vocabulary knows with its dots
                // lost (`TeamReadBasicAll`): names after those already read, in their order.
                var recovered: [String] = []
                let firstUnreadable = scheme.unparsed.first
                scheme.unparsed.removeAll { item in
                    guard !item.contains(" "), let fix = vocabulary.repair(item) else { return false }
                    recovered.append(fix.name)
                    repaired[item] = fix.name
                    diagnostics.removeAll { $0.code == "unparsed-permission" && $0.message.hasPrefix("'\(item)' is not a permission name") }
                    if reported.insert(item).inserted {
                        diagnostics.warning("permission-name-repaired", "'\(item)' is not a published permission name; read as '\(fix.name)' (\(fix.reason))",
                                            line: lineHolding(item, from: tables[t].line, in: text))
                    }
                    return true
                }
                if !recovered.isEmpty {
                    if scheme.incomplete, let first = firstUnreadable, let fix = repaired[first] {
                        // The unreadable first item, the least privileged one, is now read.
                        scheme.incomplete = false
                        diagnostics.removeAll { $0.code == "least-privileged-unknown" && $0.message.hasPrefix("'\(first)'") }
                        scheme.leastPrivileged = [fix]
                        recovered.removeAll { $0 == fix }
                    } else if scheme.leastPrivileged.isEmpty && !scheme.incomplete {
                        scheme.leastPrivileged = [recovered.removeFirst()]
                    }
                    scheme.higherPrivileged += recovered
                }
                for name in Set(scheme.allNames + scheme.combinations.flatMap { $0 }) where !vocabulary.knows(name) && repaired[name] == nil {
                    let line = lineHolding(name, from: tables[t].line, in: text)
                    if let fix = vocabulary.repair(name) {
                        repaired[name] = fix.name
                        if reported.insert(name).inserted {
                            diagnostics.warning("permission-name-repaired", "'\(name)' is not a published permission name; read as '\(fix.name)' (\(fix.reason))",
                                                line: line)
                        }
                    } else if reported.insert(name).inserted {
                        diagnostics.note("permission-name-unknown", "'\(name)' is not in the permission vocabulary; kept as written", line: line)
                    }
                }
                guard !repaired.isEmpty else { continue }
                let fix = { (name: String) in repaired[name] ?? name }
                scheme.leastPrivileged = dedupe(scheme.leastPrivileged.map(fix))
                scheme.higherPrivileged = dedupe(scheme.higherPrivileged.map(fix)).filter { !scheme.leastPrivileged.contains($0) }
                scheme.combinations = scheme.combinations.map { $0.map(fix) }
                for (docs, name) in repaired { scheme.docsSpelling[name] = docs }
                tables[t].permissions[kind] = scheme
            }
        }
    }

    /// The first line from the table's on that holds the name as written (the table's line if none does).
    private static func lineHolding(_ name: String, from start: Int, in text: SourceText) -> Int {
        let needle = Array(name.utf8)
        for line in text.lines where line.number >= start && line.number < start + 400 {
            if text.bytes.withSpan({ TextSearch.find(needle, in: $0.extracting(line.range)) != nil }) { return line.number }
        }
        return start
    }

    private static func dedupe(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
