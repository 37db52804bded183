/// `[!INCLUDE [label](../includes/x.md)]`, possibly inside a quote.
enum IncludeDirective {
    private static let directive = Array("[!include".utf8)

    static func target(_ line: String) -> String? {
        line.withUTF8Bytes { target(in: $0) }
    }

    /// Decided on bytes: most lines do not start with `[`, and most that do are links.
    static func target(in u: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        while i < u.count, u[i] == ASCII.greaterThan || u[i] == ASCII.space { i += 1 }
        guard u.count - i > directive.count else { return nil }
        for (k, d) in directive.enumerated() where ASCII.lower(u[i + k]) != d { return nil }
        guard let open = TextSearch.find(Self.linkStart, in: UnsafeBufferPointer(rebasing: u[i...])).map({ $0 + i + 2 }) else { return nil }
        var close = open
        while close < u.count, u[close] != UInt8(ascii: ")") { close += 1 }
        guard close < u.count else { return nil }
        // Trimmed on bytes, as `trimmingSpaces` trims, before a string is made.
        let inner = UnsafeBufferPointer(rebasing: u[open..<close])
        let kept = UTF8Text.trimmed(inner)
        return kept.isEmpty ? nil : String(decoding: UnsafeBufferPointer(rebasing: inner[kept]), as: UTF8.self)
    }

    private static let linkStart = Array("](".utf8)
}
