/// Reads one permission table cell: "Not supported", "None", or a list of names separated by
/// `,` `、` `，` `;` `<br>` `<li>`, "or", and a final "and"; "A and B" alone, or as an item of
/// a list whose other items are also pairs, means both are needed together.
enum PermissionCellParser {
    enum Cell: Equatable {
        case notSupported
        case noneRequired
        case entries([Entry], unparsed: [String], repaired: [String])
        case empty
    }

    /// One alternative: a single permission, or several needed together.
    struct Entry: Equatable {
        var names: [String]
    }

    static func parse(_ raw: String) -> Cell {
        let text = normalizeMarkup(raw)
        let key = comparable(text)
        if key.isEmpty { return .empty }
        if matchesWhole(key, Lexicon.notSupportedWords) { return .notSupported }
        if matchesWhole(key, Lexicon.noneWords) { return .noneRequired }
        let items = splitItems(withoutNotes(text))
        var entries: [Entry] = []
        var unparsed: [String] = []
        var repaired: [String] = []
        let pairItems = items.filter { splitConjunction($0, Lexicon.andWords).count > 1 }.count
        // "A, B and C": only the last item holds "and" → a list; otherwise each "A and B" is a pair.
        let finalAndIsList = items.count > 1 && pairItems == 1 && splitConjunction(items.last!, Lexicon.andWords).count > 1
        for item in items {
            for alternative in splitConjunction(item, Lexicon.orWords) {
                let parts = splitConjunction(alternative, Lexicon.andWords)
                var names: [String] = []
                var bad = false
                for part in parts {
                    switch PermissionName.read(part) {
                    case .name(let n, let wasRepaired):
                        names.append(n)
                        if wasRepaired { repaired.append(part.trimmingSpaces) }
                    case .notAName:
                        bad = true
                    }
                }
                if bad {
                    let verbatim = alternative.trimmingSpaces
                    if !verbatim.isEmpty, !matchesWhole(comparable(verbatim), Lexicon.notSupportedWords) { unparsed.append(verbatim) }
                    continue
                }
                if names.count > 1 && finalAndIsList {
                    entries.append(contentsOf: names.map { Entry(names: [$0]) })
                } else if !names.isEmpty {
                    entries.append(Entry(names: names))
                }
            }
        }
        if entries.isEmpty && unparsed.isEmpty { return .empty }
        return .entries(entries, unparsed: unparsed, repaired: repaired)
    }

    /// `<br>`, list items and entities become separators or text; links keep their text.
    static func normalizeMarkup(_ raw: String) -> String {
        var s = HTMLEntities.decode(raw)
        for tag in ["<br>", "<br/>", "<br />", "<BR>", "</li>", "<li>", "</p>", "<p>"] {
            s = s.replacingOccurrences(of: tag, with: ", ")
        }
        s = InlineText.removeLinks(s)
        s = InlineText.removeTags(s, replacement: " ")
        s = s.replacingOccurrences(of: "**", with: " ").replacingOccurrences(of: "`", with: " ")
        return InlineText.foldSpaces(s)
    }

    /// Lower-cased, without the trailing period, for comparing against lexicon phrases.
    static func comparable(_ s: String) -> String {
        var t = s.lowercased().trimmingCharacters(in: " .!。*")
        if t.hasPrefix("(") && t.hasSuffix(")") { t = String(t.dropFirst().dropLast()).trimmingSpaces }
        return t
    }

    private static func matchesWhole(_ key: String, _ words: [String]) -> Bool {
        words.contains { key == $0 || (key.hasPrefix($0) && $0.count >= 4 && key.count <= $0.count + 12 && !key.contains(".")) }
    }

    /// Removes parenthesised notes: `Mail.Read (for shared mailboxes)`.
    static func withoutNotes(_ s: String) -> String {
        var out = ""
        var depth = 0
        for ch in s {
            if ch == "(" || ch == "（" { depth += 1; continue }
            if ch == ")" || ch == "）" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }

    static func splitItems(_ s: String) -> [String] {
        s.split(whereSeparator: { ",;、，；\n".contains($0) }).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Splits on a conjunction standing as its own word: "A and B", "A и B", "A 和 B", "A+B".
    static func splitConjunction(_ s: String, _ words: [String]) -> [String] {
        var parts: [String] = []
        var current: [Substring] = []
        for token in s.split(separator: " ") {
            if words.contains(token.lowercased()) {
                if !current.isEmpty { parts.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(token)
            }
        }
        if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        // Scripts without spaces: "A和B".
        if parts.count == 1 {
            for w in words where w.unicodeScalars.first.map({ $0.value > 0x2E80 }) ?? false {
                let pieces = s.components(separatedBy: w).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                if pieces.count > 1 && pieces.allSatisfy({ PermissionName.isWellFormed($0) }) { return pieces }
            }
        }
        return parts.isEmpty ? [s] : parts
    }
}
