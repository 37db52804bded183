/// The parts of an API page that carry facts, recognised by anchor first and words second.
enum SectionKind: Sendable, Equatable {
    case permissions, httpRequest, requestHeaders, requestBody, response, examples, other

    static func of(_ heading: Heading) -> SectionKind? {
        if let anchor = heading.anchor, let kind = byAnchor(anchor) { return kind }
        return byWords(heading.text)
    }

    static func byAnchor(_ a: String) -> SectionKind? {
        if a.hasPrefix("http-request") { return .httpRequest }
        switch a {
        case "permissions", "prerequisites", "required-permissions": return .permissions
        case "request-headers", "optional-request-headers": return .requestHeaders
        case "request-body": return .requestBody
        case "response", "responses", "http-response": return .response
        default: break
        }
        if a.hasPrefix("example") { return .examples }
        return nil
    }

    private static let httpWords = Lexicon.all(\.httpRequestHeading)
    private static let permissionWords = Lexicon.all(\.permissionsHeading)
    private static let responseWords = Lexicon.all(\.responseHeading)
    private static let exampleWords = Lexicon.all(\.exampleHeading)

    /// Headings repeat across pages ("Разрешения", "HTTP request"); each is lower-cased and
    /// compared with every language's words once.
    private static let memo = Memo<SectionKind?>()

    static func byWords(_ text: String) -> SectionKind? {
        memo.value(for: text, compute: byWordsUncached)
    }

    private static func byWordsUncached(_ text: String) -> SectionKind? {
        let t = text.lowercasedByTable.trimmingCharacters(in: " :.")
        if httpWords.contains(where: { t.hasPrefix($0) }) { return .httpRequest }
        if permissionWords.contains(where: { t == $0 || t.hasPrefix($0 + " ") }) { return .permissions }
        if responseWords.contains(where: { t == $0 }) { return .response }
        if exampleWords.contains(where: { t.hasPrefix($0) }) { return .examples }
        return nil
    }
}
