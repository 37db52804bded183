/// The parts of an API page that carry facts, recognised by anchor first and words second.
enum SectionKind: Sendable, Equatable {
    case permissions, httpRequest, requestHeaders, requestBody, response, examples, other

    static func of(_ heading: Heading) -> SectionKind? {
        if let anchor = heading.anchor, let kind = byAnchor(anchor) { return kind }
        return byWords(heading.text)
    }

    /// Told on the anchor's bytes (every heading with an anchor is asked): an exact anchor, or
    /// one that starts with `http-request` or `example`.
    static func byAnchor(_ anchor: String) -> SectionKind? {
        anchor.withUTF8Span { a in
            if a.starts(with: httpRequestAnchor) { return .httpRequest }
            for (kind, anchors) in anchorKinds where anchors.contains(where: { $0.count == a.count && UTF8Text.equal(a, $0) }) {
                return kind
            }
            return a.starts(with: exampleAnchor) ? .examples : nil
        }
    }

    private static let httpRequestAnchor = Array("http-request".utf8), exampleAnchor = Array("example".utf8)

    private static let anchorKinds: [(SectionKind, [[UInt8]])] = [
        (.permissions, ["permissions", "prerequisites", "required-permissions"]),
        (.requestHeaders, ["request-headers", "optional-request-headers"]),
        (.requestBody, ["request-body"]),
        (.response, ["response", "responses", "http-response"]),
    ].map { kind, anchors in (kind, anchors.map { Array($0.utf8) }) }

    // Compared as UTF-8 bytes (every heading of every page is asked).
    private static let httpWords = Lexicon.all(\.httpRequestHeading).map { Array($0.utf8) }
    private static let permissionWords = Lexicon.all(\.permissionsHeading).map { Array($0.utf8) }
    private static let responseWords = Lexicon.all(\.responseHeading).map { Array($0.utf8) }
    private static let exampleWords = Lexicon.all(\.exampleHeading).map { Array($0.utf8) }

    static func byWords(_ text: String) -> SectionKind? {
        let t = Array(text.lowercased().trimmingCharacters(in: " :.").utf8)
        if httpWords.contains(where: { t.starts(with: $0) }) { return .httpRequest }
        if permissionWords.contains(where: { t == $0 || (t.starts(with: $0) && t[$0.count] == ASCII.space) }) { return .permissions }
        if responseWords.contains(where: { t == $0 }) { return .response }
        if exampleWords.contains(where: { t.starts(with: $0) }) { return .examples }
        return nil
    }
}
