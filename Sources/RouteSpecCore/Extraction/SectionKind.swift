/// The parts of an API page that carry facts, recognised by anchor first and words second.
enum SectionKind: Sendable, Equatable {
    case permissions, httpRequest, requestHeaders, requestBody, response, examples, other

    static func of(_ heading: Heading) -> SectionKind? {
        if let anchor = heading.anchor, let kind = byAnchor(anchor) { return kind }
        return byWords(heading.text)
    }

    /// Told on the anchor's bytes (every heading with an anchor is asked): an exact anchor, or
    /// one that starts with `http-request` or `example`.
    static func byAnchor(_ a: String) -> SectionKind? {
        a.withUTF8Bytes { a in
            if a.starts(with: "http-request".utf8) { return .httpRequest }
            for (kind, anchors) in anchorKinds where anchors.contains(where: { $0.count == a.count && $0.withUnsafeBufferPointer { UTF8Text.equal($0, a) } }) {
                return kind
            }
            return a.starts(with: "example".utf8) ? .examples : nil
        }
    }

    private static let anchorKinds: [(SectionKind, [[UInt8]])] = [
        (.permissions, ["permissions", "prerequisites", "required-permissions"]),
        (.requestHeaders, ["request-headers", "optional-request-headers"]),
        (.requestBody, ["request-body"]),
        (.response, ["response", "responses", "http-response"]),
    ].map { kind, anchors in (kind, anchors.map { Array($0.utf8) }) }

    private static let httpWords = Lexicon.all(\.httpRequestHeading)
    private static let permissionWords = Lexicon.all(\.permissionsHeading)
    private static let responseWords = Lexicon.all(\.responseHeading)
    private static let exampleWords = Lexicon.all(\.exampleHeading)

    static func byWords(_ text: String) -> SectionKind? {
        let t = text.lowercased().trimmingCharacters(in: " :.")
        // Compared as bytes: the words are whole, so a match never splits a character that matters.
        let bytes = t.utf8
        if httpWords.contains(where: { bytes.starts(with: $0.utf8) }) { return .httpRequest }
        if permissionWords.contains(where: { bytes.elementsEqual($0.utf8) || bytes.starts(with: ($0 + " ").utf8) }) { return .permissions }
        if responseWords.contains(where: { bytes.elementsEqual($0.utf8) }) { return .response }
        if exampleWords.contains(where: { bytes.starts(with: $0.utf8) }) { return .examples }
        return nil
    }
}
