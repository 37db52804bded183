/// Recognises permission tables by structure (rows labelled with schemes) and reads them:
/// the old two-column ordered list, the modern least/higher three-column table, tables split
/// by audience (self / others), and resource × scheme matrices. Other tables are left alone.
enum PermissionTableReader {
    static func read(_ table: Table, heading: HeadingRef?, diagnostics: inout DiagnosticSink) -> [PermissionTableFact]? {
        var header = table.header
        var rows = table.rows
        if header.cells.dropFirst().compactMap(SchemeLabel.classify).count >= 2 {
            return readMatrix(header: header, rows: rows, heading: heading, diagnostics: &diagnostics)
        }
        if let first = header.cells.first, SchemeLabel.classify(first) != nil, header.cells.count >= 2,
           PermissionCellParser.holdsPermissions(header.cells[1]) {
            rows.insert(header, at: 0)  // the header line was lost: the first row is a scheme row
            header = Table.Row(cells: [], line: header.line)
        }
        var kinds = SchemeLabel.classifyRows(rows.map { $0.cells.first ?? "" })
        if kinds.allSatisfy({ $0 == nil }) { return nil }
        foldSubRows(&rows, &kinds, singleValueColumn: header.cells.count <= 2, diagnostics: &diagnostics)
        // Only the second and third header cells name a layout.
        let headerTexts = header.cells.prefix(3).enumerated().map { $0.offset == 0 ? "" : $0.element.lowercased() }
        let columnCount = rows.indices.filter { kinds[$0] != nil }.map { rows[$0].cells.count }.max() ?? 0
        let layout = Layout.detect(headerTexts, columnCount: columnCount)
        if case .modernAssumed = layout {
            diagnostics.note("permission-table-layout",
                             "three-column permission table with headers not recognised; read as least privileged | higher privileged",
                             line: header.line)
        }
        var sets: [PermissionSet] = Array(repeating: PermissionSet(), count: layout.audiences.count)
        for (row, kind) in zip(rows, kinds) {
            guard let kind else {
                let label = row.cells.first ?? ""
                if !label.isEmpty { diagnostics.note("permission-row-ignored", "permission table row '\(InlineText.plain(label))' names no known scheme", line: row.line) }
                continue
            }
            for (index, _) in layout.audiences.enumerated() {
                if sets[index][kind] != nil {
                    diagnostics.warning("duplicate-scheme-row", "the permission table lists \(kind.rawValue) twice; the first row is used", line: row.line)
                    continue
                }
                sets[index][kind] = scheme(row: row, layout: layout, audienceIndex: index, diagnostics: &diagnostics)
            }
        }
        for kind in SchemeKind.allCases where sets.first?[kind] == nil {
            diagnostics.warning("missing-scheme-row", "the permission table has no row for \(kind.rawValue)", line: table.line)
        }
        return zip(layout.audiences, sets).map { audience, set in
            PermissionTableFact(permissions: set, line: table.line, heading: heading, audience: audience)
        }
    }

    enum Layout {
        case orderedList(mostToLeast: Bool)
        case leastAndHigher
        case modernAssumed
        case audiences(mostToLeast: [Bool])

        var audiences: [String?] {
            if case .audiences = self { return ["self", "others"] }
            return [nil]
        }

        static func detect(_ header: [String], columnCount: Int) -> Layout {
            // The phrase sets are named directly: looking one up by key path compares key paths.
            func has(_ i: Int, _ phrases: PhraseSet) -> Bool { i < header.count && phrases.matches(header[i]) }
            if columnCount <= 2 { return .orderedList(mostToLeast: has(1, Lexicon.mostToLeastPhrases)) }
            if has(1, Lexicon.leastColumnPhrases) || has(2, Lexicon.higherColumnPhrases) { return .leastAndHigher }
            if has(1, Lexicon.selfColumnPhrases) && has(2, Lexicon.othersColumnPhrases) {
                return .audiences(mostToLeast: [has(1, Lexicon.mostToLeastPhrases), has(2, Lexicon.mostToLeastPhrases)])
            }
            return .modernAssumed
        }
    }

    private static func scheme(row: Table.Row, layout: Layout, audienceIndex: Int, diagnostics: inout DiagnosticSink) -> Scheme {
        let cells = row.cells
        func cell(_ i: Int) -> String { i < cells.count ? cells[i] : "" }
        switch layout {
        case .orderedList(let reversed):
            return listScheme(cell(1), reversed: reversed, line: row.line, diagnostics: &diagnostics)
        case .audiences(let reversed):
            return listScheme(cell(1 + audienceIndex), reversed: reversed[audienceIndex], line: row.line, diagnostics: &diagnostics)
        case .leastAndHigher, .modernAssumed:
            var least = listScheme(cell(1), reversed: false, line: row.line, diagnostics: &diagnostics, flatten: true)
            guard least.supported, !least.noPermissionRequired else { return least }
            let higher = listScheme(cell(2), reversed: false, line: row.line, diagnostics: &diagnostics, flatten: true, emptyIsFine: true)
            if higher.supported {
                least.higherPrivileged = higher.leastPrivileged + higher.higherPrivileged
                least.unparsed += higher.unparsed
                least.combinations += higher.combinations
            }
            return least
        }
    }

    /// An ordered list cell; with `flatten`, all entries go to `leastPrivileged` (modern column).
    private static func listScheme(_ raw: String, reversed: Bool, line: Int, diagnostics: inout DiagnosticSink,
                                   flatten: Bool = false, emptyIsFine: Bool = false) -> Scheme {
        switch PermissionCellParser.parse(raw) {
        case .notSupported:
            return .unsupported
        case .noneRequired:
            diagnostics.note("no-permission-required", "the docs say no permission is needed for this scheme ('\(InlineText.plain(raw))')", line: line)
            return Scheme(supported: true, noPermissionRequired: true)
        case .empty:
            if !emptyIsFine {
                diagnostics.warning("empty-permission-cell", "a permission cell is empty; the scheme is recorded as unreadable", line: line)
                return Scheme(supported: true, unparsed: [""])
            }
            return Scheme(supported: true)
        case .entries(var entries, let unparsed, let repaired, let unreadableFirst):
            if reversed { entries.reverse() }
            for r in repaired { diagnostics.warning("permission-name-repaired", r, line: line) }
            for u in unparsed {
                diagnostics.warning("unparsed-permission", "'\(u)' is not a permission name; kept in 'unparsed'", line: line)
            }
            var s = Scheme(supported: true, unparsed: unparsed)
            s.combinations = entries.filter { $0.names.count > 1 }.map(\.names)
            if flatten {
                s.leastPrivileged = dedupe(entries.flatMap(\.names))
            } else if unreadableFirst && !reversed {
                // The least privileged item is the one that cannot be read: the names read are all higher.
                diagnostics.warning("least-privileged-unknown", "'\(unparsed[0])', the first item, is not a permission name, so the least "
                                    + "privileged permission is unknown; the names after it are kept as higher privileged", line: line)
                s.incomplete = true
                s.higherPrivileged = dedupe(entries.flatMap(\.names))
            } else if let first = entries.first {
                s.leastPrivileged = first.names
                s.higherPrivileged = dedupe(entries.dropFirst().flatMap(\.names)).filter { !first.names.contains($0) }
            }
            return s
        }
    }

    /// Intune tables leave a scheme row's cell empty and list the permissions in indented rows
    /// below it, one per feature area (`&nbsp; **Device management** | …`): those rows become
    /// the scheme's list.
    private static func foldSubRows(_ rows: inout [Table.Row], _ kinds: inout [SchemeKind?], singleValueColumn: Bool,
                                    diagnostics: inout DiagnosticSink) {
        var i = 0
        while i < rows.count {
            defer { i += 1 }
            guard kinds[i] != nil, rows[i].cells.dropFirst().allSatisfy({ $0.trimmingSpaces.isEmpty }) else { continue }
            var j = i + 1
            var columns: [[String]] = []
            while j < rows.count, kinds[j] == nil {
                for (c, cell) in rows[j].cells.dropFirst().enumerated() {
                    let c = singleValueColumn ? 0 : c
                    if columns.count <= c { columns.append([]) }
                    if !cell.trimmingSpaces.isEmpty { columns[c].append(cell) }
                }
                j += 1
            }
            guard j > i + 1, !columns.isEmpty else { continue }
            diagnostics.note("permission-sub-rows", "\(j - i - 1) sub-rows under a scheme row read as that scheme's permissions", line: rows[i].line)
            rows[i].cells = [rows[i].cells[0]] + columns.map { $0.joined(separator: ", ") }
            rows.removeSubrange((i + 1)..<j)
            kinds.removeSubrange((i + 1)..<j)
        }
    }

    /// `[Задача Outlook](../resources/outlooktask.md)` → `outlooktask`: the resource's name in
    /// every language.
    private static func linkStem(_ cell: String) -> String? {
        guard let open = cell.utf8Range(of: "]("), let close = cell[open.upperBound...].firstIndex(of: ")") else { return nil }
        let target = cell[open.upperBound..<close]
        guard let file = target.split(separator: "/").last, file.hasSuffix(".md") else { return nil }
        return String(file.dropLast(3))
    }

    private static func dedupe(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Columns are schemes, rows are resources: one permission set per row, kept with its label.
    private static func readMatrix(header: Table.Row, rows: [Table.Row], heading: HeadingRef?,
                                   diagnostics: inout DiagnosticSink) -> [PermissionTableFact]? {
        let columnKinds = header.cells.map(SchemeLabel.classify)
        guard columnKinds.compactMap({ $0 }).count >= 2 else { return nil }
        diagnostics.note("permission-matrix", "permission table with schemes as columns; one permission set per row, kept in 'permissionTables'", line: header.line)
        var facts: [PermissionTableFact] = []
        for row in rows {
            var set = PermissionSet()
            for (i, kind) in columnKinds.enumerated() {
                guard let kind, i < row.cells.count else { continue }
                set[kind] = listScheme(row.cells[i], reversed: false, line: row.line, diagnostics: &diagnostics)
            }
            let raw = row.cells.first ?? ""
            let label = InlineText.plain(raw)
            facts.append(PermissionTableFact(permissions: set, line: row.line,
                                             heading: HeadingRef(anchor: linkStem(raw), text: label, line: row.line), audience: nil,
                                             isMatrixRow: true))
        }
        return facts
    }
}
