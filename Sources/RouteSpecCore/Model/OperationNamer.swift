/// An operation's name, language-independent: from the title anchor (`resetpasscode-action`,
/// `get-user`), else the page's file name, with capitalisation recovered from the route
/// segments and title words that spell the same word (`resetPasscode`, `getUser`).
enum OperationNamer {
    private static let kindSuffixes: Set<String> = ["action", "function", "method"]

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
        let articles: Set<String> = ["a", "an", "the"]
        if words.count > 1 { words.removeAll { articles.contains($0.lowercased()) } }
        // A word takes the first spelling with a capital among the title's ASCII words and the
        // routes' segments, else its lower case if one spells it in lower case.
        var search = SpellingSearch(wanted: words)
        for w in (title ?? "").asciiWords where !search.isComplete { search.offer(w) }
        for route in routes where !search.isComplete { search.offerWords(of: route.path, singulars: false) }
        var result = ""
        for (i, word) in words.enumerated() where !word.isEmpty {
            let spelled = search.capitalized[i] ?? (search.matched[i] ? word.lowercased() : word)
            if i == 0 {
                result += spelled.prefix(1).lowercased() + spelled.dropFirst()
            } else {
                result += spelled.prefix(1).uppercased() + spelled.dropFirst()
            }
        }
        return result.isEmpty ? "operation" : result
    }
}
