/// Reads one permission table cell: "Not supported", "None", or a list of names separated by
/// `,` `、` `，` `;` `<br>` `<li>`, "or", and a final "and"; "A and B" alone, or as an item of
/// a list whose other items are also pairs, means both are needed together.
enum PermissionCellParser {
    enum Cell: Equatable, Sendable {
        case notSupported
        case noneRequired
        /// `unreadableFirst`: an item that is no name comes before the first name, so the least
        /// privileged permission is not known.
        case entries([Entry], unparsed: [String], repaired: [String], unreadableFirst: Bool)
        case empty
    }

    /// One alternative: a single permission, or several needed together.
    struct Entry: Equatable, Sendable {
        var names: [String]
    }

    static func parse(_ raw: String) -> Cell {
        let text = normalizeMarkup(raw)
        let key = comparable(text)
        if key.isEmpty { return .empty }
        if matchesWhole(key, notSupported) { return .notSupported }
        if matchesWhole(key, none) { return .noneRequired }
        let items = splitItems(withoutNotes(text))
        var entries: [Entry] = []
        var unparsed: [String] = []
        var repaired: [String] = []
        var unreadableFirst = false
        let pairItems = items.filter { splitConjunction($0, Lexicon.and).count > 1 }.count
        // "A, B and C": only the last item holds "and" → a list; otherwise each "A and B" is a pair.
        let finalAndIsList = items.count > 1 && pairItems == 1 && splitConjunction(items.last!, Lexicon.and).count > 1
        for item in items {
            for alternative in splitConjunction(item, Lexicon.or) {
                switch readAlternative(alternative) {
                case .names(let names, let wasRepaired):
                    repaired.append(contentsOf: wasRepaired)
                    if names.count > 1 && finalAndIsList {
                        entries.append(contentsOf: names.map { Entry(names: [$0]) })
                    } else {
                        entries.append(Entry(names: names))
                    }
                case .separateNames(let names, let why):
                    repaired.append(why)
                    entries.append(contentsOf: names.map { Entry(names: [$0]) })
                case .unreadable:
                    let verbatim = alternative.trimmingSpaces
                    if !verbatim.isEmpty, !matchesWhole(comparable(verbatim), notSupported) {
                        if entries.isEmpty && unparsed.isEmpty { unreadableFirst = true }
                        unparsed.append(verbatim)
                    }
                }
            }
        }
        if entries.isEmpty && unparsed.isEmpty { return .empty }
        return .entries(entries, unparsed: unparsed, repaired: repaired, unreadableFirst: unreadableFirst && !entries.isEmpty)
    }

    /// Whether a cell reads as a scheme's value: names, or "not supported" / "none".
    static func holdsPermissions(_ raw: String) -> Bool {
        switch parse(raw) {
        case .notSupported, .noneRequired: return true
        case .entries(let entries, _, _, _): return !entries.isEmpty
        case .empty: return false
        }
    }

    private enum Alternative {
        /// One permission, or several needed together.
        case names([String], repaired: [String])
        /// Several alternatives written without separators, or names inside a qualifying note.
        case separateNames([String], why: String)
        case unreadable
    }

    private static func readAlternative(_ text: String) -> Alternative {
        if let names = namesJoinedByAnd(text) { return .names(names.names, repaired: names.repaired) }
        // "For devices: Device.Read.All" — a qualifier before a colon.
        if let colon = text.lastIndex(where: { $0 == ":" || $0 == "：" }) {
            let after = String(text[text.index(after: colon)...])
            if let names = namesJoinedByAnd(after) {
                return .separateNames(names.names, why: "qualifier '\(text[..<colon].trimmingSpaces)' before \(names.names) dropped")
            }
        }
        // "One from EduRoster.ReadBasic", "A plus either B": a few words run in before a name.
        if let names = namesJoinedByAnd(text, droppingLeadingWords: true) { return .names(names.names, repaired: names.repaired) }
        // "A.Read.All B.Read.All": the comma was lost in translation.
        let tokens = text.split(asciiSeparator: ASCII.space).map { String($0) }
        if tokens.count > 1 {
            let read = tokens.map(PermissionName.read)
            let names = read.compactMap { r -> String? in if case .name(let n, _) = r { return n } else { return nil } }
            if names.count == tokens.count, tokens.allSatisfy({ $0.has(".") && !$0.hasSuffix(".") || PermissionName.openIDScopes.contains($0) }) {
                return .separateNames(names, why: "'\(text)' read as \(names.count) names (separator missing)")
            }
        }
        return .unreadable
    }

    /// A single name, or names joined by "and" (needed together); nil if any part is not a name.
    private static func namesJoinedByAnd(_ text: String, droppingLeadingWords: Bool = false) -> (names: [String], repaired: [String])? {
        var names: [String] = []
        var repaired: [String] = []
        for part in splitConjunction(text, Lexicon.and) {
            if case .name(let n, let wasRepaired) = PermissionName.read(part) {
                names.append(n)
                if wasRepaired { repaired.append("'\(part.trimmingSpaces)' repaired to '\(n)'") }
                continue
            }
            // Up to four words without a dot, then one name.
            let tokens = part.split(asciiSeparator: ASCII.space)
            guard droppingLeadingWords, (2...5).contains(tokens.count), tokens.dropLast().allSatisfy({ !$0.contains(".") }),
                  case .name(let n, _) = PermissionName.read(String(tokens.last!)) else { return nil }
            names.append(n)
            repaired.append("words '\(tokens.dropLast().joined(separator: " "))' before '\(n)' dropped")
        }
        return names.isEmpty ? nil : (names, repaired)
    }

    /// `<br>`, list items and entities become separators or text; links keep their text.
    static func normalizeMarkup(_ raw: String) -> String {
        var s = HTMLEntities.decode(raw)
        if s.has("<") {
            for tag in ["<br>", "<br/>", "<br />", "<BR>", "</li>", "<li>", "</p>", "<p>"] where s.has(tag) {
                s = s.replacingEvery(tag, with: ", ")
            }
        }
        s = InlineText.removeLinks(s)
        s = InlineText.removeTags(s, replacement: " ")
        if s.has("**") { s = s.replacingEvery("**", with: " ") }
        if s.has("`") { s = s.replacingEvery("`", with: " ") }
        return InlineText.foldSpaces(s)
    }

    /// Lower-cased, without the trailing period, for comparing against lexicon phrases.
    static func comparable(_ s: String) -> String {
        var t = s.lowercased().trimmingCharacters(in: " .!。*")
        if t.hasPrefix("(") && t.hasSuffix(")") { t = String(t.dropFirst().dropLast()).trimmingSpaces }
        return t
    }

    /// Lexicon phrases, and the same as a set for the exact match most keys need.
    private struct Phrases {
        let words: [String]
        let exact: Set<String>
        init(_ words: [String]) {
            self.words = words
            exact = Set(words)
        }
    }

    private static let notSupported = Phrases(Lexicon.notSupportedWords), none = Phrases(Lexicon.noneWords)

    /// The key is a phrase, or a phrase of four or more characters followed by at most twelve
    /// more (never a name: a key with a `.` must be a phrase exactly).
    private static func matchesWhole(_ key: String, _ phrases: Phrases) -> Bool {
        if phrases.exact.contains(key) { return true }
        if key.has(".") { return false }
        // Counting characters walks the text: done last, and for the key once.
        var keyCount: Int?
        return phrases.words.contains { w in
            guard key.hasPrefix(w), case let count = w.count, count >= 4 else { return false }
            keyCount = keyCount ?? key.count
            return keyCount! <= count + 12
        }
    }

    /// Removes parenthesised notes: `Mail.Read (for shared mailboxes)`. Found on bytes: the
    /// brackets are `(` `)` and the full-width `（` `）` (EF BC 88, EF BC 89).
    static func withoutNotes(_ s: String) -> String {
        s.withUTF8Span { p in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            var depth = 0
            var i = 0
            while i < p.count {
                let fullWidth = p[i] == 0xEF && i + 2 < p.count && p[i + 1] == 0xBC && (p[i + 2] == 0x88 || p[i + 2] == 0x89)
                if p[i] == ASCII.openParen || fullWidth && p[i + 2] == 0x88 {
                    depth += 1
                } else if p[i] == ASCII.closeParen || fullWidth {
                    depth = max(0, depth - 1)
                } else if depth == 0 {
                    out.append(p[i])
                }
                i += fullWidth ? 3 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The items of a list cell, split at `,` `;` newlines and the CJK `、` `，` `；`; found on bytes.
    static func splitItems(_ s: String) -> [String] {
        s.withUTF8Span { p in
            var items: [String] = []
            var start = 0
            var i = 0
            func cut(_ end: Int, resumeAt next: Int) {
                let item = p.string(start..<end).trimmingSpaces
                if !item.isEmpty { items.append(item) }
                start = next
                i = next
            }
            while i < p.count {
                let b = p[i]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == ASCII.newline {
                    cut(i, resumeAt: i + 1)
                } else if i + 2 < p.count, (b == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x81)
                            || (b == 0xEF && p[i + 1] == 0xBC && (p[i + 2] == 0x8C || p[i + 2] == 0x9B)) {
                    cut(i, resumeAt: i + 3)
                } else {
                    i += 1
                }
            }
            cut(p.count, resumeAt: p.count)
            return items
        }
    }

    /// Splits on a conjunction standing as its own word: "A and B", "A и B", "A 和 B", "A+B".
    static func splitConjunction(_ s: String, _ conjunctions: Conjunctions) -> [String] {
        // One ASCII token (most items: a permission name) is never split: conjunctions stand
        // between spaces, and only words of scripts written without spaces split inside a token.
        if s.withUTF8Span({ !$0.contains(ASCII.space) && ASCII.isASCII($0) }) { return [s] }
        var parts: [String] = []
        var current: [Substring] = []
        for token in s.split(asciiSeparator: ASCII.space) {
            if conjunctions.contains(token: token) {
                if !current.isEmpty { parts.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(token)
            }
        }
        if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        // Scripts without spaces: "A和B".
        if parts.count == 1 {
            for w in conjunctions.words where (w.unicodeScalars.first.map({ $0.value > 0x2E80 }) ?? false) && s.has(w) {
                let pieces = s.components(separatedBy: w).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                if pieces.count > 1 && pieces.allSatisfy({ PermissionName.isWellFormed($0) }) { return pieces }
            }
        }
        return parts.isEmpty ? [s] : parts
    }
}
