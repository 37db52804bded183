/// An operation's name, language-independent: from the title anchor (`resetpasscode-action`,
/// `get-user`), else the page's file name, with capitalisation recovered from the route
/// segments and title words that spell the same word (`resetPasscode`, `getUser`).
enum OperationNamer {
    private static let kindSuffixes: Set<String> = ["action", "function", "method"]

    static func name(anchor: String?, title: String?, mirrorKey: String?, path: String, routes: [RouteFact]) -> String {
        var words: [String]
        if let anchor, !anchor.isEmpty {
            words = anchor.split(separator: "-").map(String.init)
        } else if let title, !title.isEmpty, title.utf8.allSatisfy({ $0 < 0x80 }),
                  case let titleWords = title.asciiWords.map(String.init),
                  !titleWords.isEmpty, titleWords.count <= 8 {
            // English pages have no anchors; their title says the same ("Get application").
            words = titleWords
        } else if let stem = (mirrorKey ?? path).split(separator: "/").last?.split(separator: ".").first {
            words = stem.split(separator: "-").map(String.init)
        } else {
            words = ["operation"]
        }
        if words.count > 1, let last = words.last, kindSuffixes.contains(last.lowercased()) { words.removeLast() }
        let articles: Set<String> = ["a", "an", "the"]
        if words.count > 1 { words.removeAll { articles.contains($0.lowercased()) } }
        var spellings: [String: String] = [:]
        let titleWords = (title ?? "").asciiWords
        let segmentWords = routes.flatMap(\.path.alphanumericRuns)
        for w in titleWords + segmentWords where w.utf8.allSatisfy({ $0 < 0x80 }) {
            let key = w.lowercased()
            if spellings[key] == nil || (spellings[key] == key && w.contains(where: { $0.isUppercase })) { spellings[key] = String(w) }
        }
        var result = ""
        for (i, word) in words.enumerated() where !word.isEmpty {
            let spelled = spellings[word.lowercased()] ?? word
            if i == 0 {
                result += spelled.prefix(1).lowercased() + spelled.dropFirst()
            } else {
                result += spelled.prefix(1).uppercased() + spelled.dropFirst()
            }
        }
        return result.isEmpty ? "operation" : result
    }
}
