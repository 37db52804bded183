/// Which scheme a permission-table row label names: "Delegated (work or school account)",
/// "Делегированные (личная учетная запись Майкрософт)", "Application", "应用程序"…
/// Words from any language are tried; when none match, the label's shape decides: the personal
/// row is the delegated one that names Microsoft, delegated rows carry a parenthesis.
enum SchemeLabel {
    static let delegatedWords = Lexicon.all(\.delegated)
    static let workWords = Lexicon.all(\.workOrSchool)
    static let personalWords = Lexicon.all(\.personal)
    static let applicationWords = Lexicon.all(\.application)
    static let microsoftWords = Lexicon.all(\.microsoft)

    static func classify(_ raw: String) -> SchemeKind? {
        guard raw.utf8.count <= 200 else { return nil }
        // Indented labels are feature-area sub-rows under a scheme row (Intune tables).
        if raw.hasPrefix("&nbsp;") || raw.hasPrefix("\u{00A0}") { return nil }
        let unescaped = raw.has("\\") ? raw.replacingEvery("\\(", with: "(").replacingEvery("\\)", with: ")") : raw
        let label = InlineText.plain(unescaped).lowercased()
        // Scheme labels are short; long cells are scenario descriptions that mention schemes.
        let words = label.split(asciiSeparator: ASCII.space).count
        guard !label.isEmpty, label.count <= 80, words <= 8 else { return nil }
        let delegated = contains(label, delegatedWords)
        let personal = contains(label, personalWords)
        let work = contains(label, workWords)
        if delegated || label.has("(") || label.has("（") {
            if personal && !work { return .delegatedPersonal }
            if work && !personal { return .delegatedWork }
            if delegated {
                if microsoftWords.contains(where: { label.has($0) }) { return .delegatedPersonal }
                return work ? .delegatedWork : nil
            }
        }
        if words <= 3, contains(label, applicationWords), !delegated { return .application }
        return nil
    }

    private static func contains(_ label: String, _ words: [String]) -> Bool {
        for w in words where label.has(w) {
            if w.count <= 3, w.allSatisfy({ $0.isASCII }) {
                // Short ASCII words must stand alone ("msa", not "msal").
                if label.split(whereSeparator: { !$0.isLetter }).contains(where: { $0 == w }) { return true }
                continue
            }
            return true
        }
        return false
    }

    /// Rows left unnamed by words are named by position when the others are known: the usual
    /// order is work, personal, application.
    static func classifyRows(_ labels: [String]) -> [SchemeKind?] {
        var kinds = labels.map(classify)
        guard labels.count == 3, kinds.contains(where: { $0 == nil }) else { return kinds }
        // Kinds told apart by a scan of the three, not a set: this runs for every table.
        let known = SchemeKind.allCases.count { kind in kinds.contains(kind) }
        if known == kinds.count(where: { $0 != nil }) {
            let order = SchemeKind.allCases
            let fits = zip(kinds, order).allSatisfy { $0 == nil || $0 == $1 }
            if fits && known >= 1 { kinds = order.map { Optional($0) } }
        }
        return kinds
    }
}
