/// `[!INCLUDE [label](../includes/x.md)]`, possibly inside a quote.
enum IncludeDirective {
    private static let directive = Array("[!include".utf8)
    private static let linkStart = Array("](".utf8)

    static func target(_ line: String) -> String? { line.withUTF8Span { target(in: $0) } }

    /// Decided on bytes: most lines do not start with `[`, and most that do are links.
    static func target(in u: Span<UInt8>) -> String? {
        var i = 0
        while i < u.count, u[i] == ASCII.greaterThan || u[i] == ASCII.space { i += 1 }
        guard u.count - i > directive.count else { return nil }
        for (k, d) in directive.enumerated() where ASCII.lower(u[i + k]) != d { return nil }
        guard let open = TextSearch.find(linkStart, in: u.extracting(i...)).map({ $0 + i + 2 }) else { return nil }
        var close = open
        while close < u.count, u[close] != UInt8(ascii: ")") { close += 1 }
        guard close < u.count else { return nil }
        // Trimmed on bytes, as `trimmingSpaces` trims, before a string is made.
        let kept = UTF8Text.trimmed(u, in: open..<close)
        return kept.isEmpty ? nil : u.string(kept)
    }
}
