/// Permission identifiers: `Resource.Action[.Qualifier…]` in ASCII, or one of the OpenID scopes.
/// Machine translation damages names; only safe repairs are made here (spaces around dots,
/// markup, footnote marks, a sentence's final period). Anything else is not a name.
enum PermissionName {
    static let openIDScopes: Set<String> = ["openid", "profile", "email", "offline_access"]

    enum Reading: Equatable {
        case name(String, repaired: Bool)
        case notAName
    }

    /// Full-width, ideographic, halfwidth-ideographic, one-dot-leader and small full stops.
    private static let lookAlikeDots: Set<Unicode.Scalar> = ["\u{FF0E}", "\u{3002}", "\u{FF61}", "\u{2024}", "\u{FE52}"]

    static func read(_ raw: String) -> Reading {
        // Nearly every cell item is a clean name already: letters, digits, `.`, `_` and `-`,
        // starting and ending with a letter or digit. Nothing below would change it.
        let clean = raw.withUTF8Span { p in
            !p.isEmpty && ASCII.isAlphanumeric(p[0]) && ASCII.isAlphanumeric(p[p.count - 1]) && p.allSatisfy(ASCII.isKeyByte)
        }
        if clean {
            return isWellFormed(raw) ? .name(raw, repaired: false) : .notAName
        }
        var s = raw.trimmingSpaces
        let original = s
        // `Bookings。Read.All`, `User．Read`: dots machine translation made full-width or ideographic.
        if s.unicodeScalars.contains(where: lookAlikeDots.contains) {
            s = String(String.UnicodeScalarView(s.unicodeScalars.map { lookAlikeDots.contains($0) ? "." : $0 }))
        }
        // Markup and footnote marks around the name.
        s = s.trimmingCharacters(in: "*`'\"“”«»[]_ ")
        while s.hasSuffix(".") || s.hasSuffix(";") || s.hasSuffix(":") { s.removeLast() }
        s = s.trimmingCharacters(in: "*`'\"“”«»[]_ ")
        // `User. ReadWrite. All` → `User.ReadWrite.All`
        if s.has(" ") {
            let collapsed = s.replacingEvery(" .", with: ".").replacingEvery(". ", with: ".")
            if !collapsed.has(" ") { s = collapsed }
        }
        guard isWellFormed(s) else { return .notAName }
        let markupOnly = original.trimmingCharacters(in: "*` ") == s || original.trimmingCharacters(in: "*` .") == s
        return .name(s, repaired: !markupOnly)
    }

    /// Two or more `.`-separated parts of ASCII letters, digits, `_` and `-`, each starting with a
    /// letter or digit (or an OpenID scope); checked on bytes, so prose fails at its first space.
    static func isWellFormed(_ s: String) -> Bool {
        if openIDScopes.contains(s) { return true }
        return s.withUTF8Span { p in
            var parts = 1
            var partStart = true
            for i in p.indices {
                let b = p[i]
                if b == ASCII.dot {
                    if partStart { return false }
                    parts += 1
                    partStart = true
                } else if ASCII.isAlphanumeric(b) {
                    partStart = false
                } else if (b == ASCII.underscore || b == ASCII.dash) && !partStart {
                    continue
                } else {
                    return false
                }
            }
            return !partStart && parts >= 2
        }
    }
}
