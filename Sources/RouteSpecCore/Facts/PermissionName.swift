/// Permission identifiers: `Resource.Action[.Qualifier…]` in ASCII, or one of the OpenID scopes.
/// Machine translation damages names; only safe repairs are made here (spaces around dots,
/// markup, footnote marks, a sentence's final period). Anything else is not a name.
enum PermissionName {
    static let openIDScopes: Set<String> = ["openid", "profile", "email", "offline_access"]

    enum Reading: Equatable {
        case name(String, repaired: Bool)
        case notAName
    }

    static func read(_ raw: String) -> Reading {
        var s = raw.trimmingSpaces
        let original = s
        // Markup and footnote marks around the name.
        s = s.trimmingCharacters(in: "*`'\"“”«»[]_ ")
        while s.hasSuffix(".") || s.hasSuffix(";") || s.hasSuffix(":") { s.removeLast() }
        s = s.trimmingCharacters(in: "*`'\"“”«»[]_ ")
        // `User. ReadWrite. All` → `User.ReadWrite.All`
        if s.has(" ") {
            let collapsed = s.replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: ". ", with: ".")
            if !collapsed.has(" ") { s = collapsed }
        }
        guard isWellFormed(s) else { return .notAName }
        let markupOnly = original.trimmingCharacters(in: "*` ") == s || original.trimmingCharacters(in: "*` .") == s
        return .name(s, repaired: !markupOnly)
    }

    static func isWellFormed(_ s: String) -> Bool {
        if openIDScopes.contains(s) { return true }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        for part in parts {
            guard let first = part.first, first.isASCII, first.isLetter || first.isNumber else { return false }
            guard part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else { return false }
        }
        return true
    }
}
