/// An operation's name, language-independent: from the title anchor (`resetpasscode-action`,
/// `get-user`), else the page's file name, with capitalisation recovered from the route
/// segments and title words that spell the same word (`resetPasscode`, `getUser`).
enum OperationNamer {
    private static let kindSuffixes: Set<String> = ["action", "function", "method"]
    private static let articles: Set<String> = ["a", "an", "the"]

    static func name(anchor: String?, title: String?, mirrorKey: String?, path: String, routes: [RouteFact]) -> String {
        var words: [String]
        if let anchor, !anchor.isEmpty {
            words = anchor.split(asciiSeparator: ASCII.dash).map(String.init)
        } else if let title, !title.isEmpty, title.utf8.allSatisfy({ $0 < 0x80 }),
                  case let titleWords = title.asciiWords.map(String.init),
                  !titleWords.isEmpty, titleWords.count <= 8 {
            // English pages have no anchors; their title says the same ("Get application").
            words = titleWords
        } else if let stem = (mirrorKey ?? path).split(asciiSeparator: ASCII.slash).last?.split(asciiSeparator: ASCII.dot).first {
            words = stem.split(asciiSeparator: ASCII.dash).map(String.init)
        } else {
            words = ["operation"]
        }
        if words.count > 1, let last = words.last, kindSuffixes.contains(last.lowercased()) { words.removeLast() }
        // No word of more than three bytes lower-cases to an article.
        if words.count > 1 { words.removeAll { $0.utf8.count <= 3 && Self.articles.contains($0.lowercased()) } }
        // A word takes the first spelling with a capital among the title's ASCII words and the
        // routes' segments, else its lower case if one spells it in lower case.
        var search = SpellingSearch(wanted: words)
        for w in (title ?? "").asciiWords where !search.isComplete { search.offer(w) }
        for route in routes where !search.isComplete { search.offerWords(of: route.path, singulars: false) }
        let spellings = words.indices.map { i in search.capitalized[i] ?? (search.matched[i] ? words[i].lowercased() : words[i]) }
        return camelCase(spellings) ?? "operation"
    }

    /// The spellings joined, the first letter of the first one lower-cased and of every later one
    /// upper-cased; empty spellings left out. Nil when nothing is left.
    private static func camelCase(_ spellings: [String]) -> String? {
        // ASCII (nearly every name): put together on bytes, not by character.
        var bytes: [UInt8] = []
        let ascii = spellings.indices.allSatisfy { i in
            spellings[i].withUTF8Span { p in
                guard ASCII.isASCII(p) else { return false }
                guard !p.isEmpty else { return true }
                bytes.append(i == 0 ? ASCII.lower(p[0]) : ASCII.upper(p[0]))
                bytes.append(contentsOf: p.extracting(1...))
                return true
            }
        }
        if ascii { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
        var result = ""
        for (i, spelled) in spellings.enumerated() where !spelled.isEmpty {
            result += i == 0 ? spelled.prefix(1).lowercased() + spelled.dropFirst() : spelled.prefix(1).uppercased() + spelled.dropFirst()
        }
        return result.isEmpty ? nil : result
    }
}
