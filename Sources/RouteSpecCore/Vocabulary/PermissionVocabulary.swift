/// The permission names tokens carry, and the schemes each is published for. By default the
/// names of Microsoft's published catalog (`PublishedPermissionNames.swift`); `--catalog FILE`
/// replaces them, `--no-catalog` reads pages without a vocabulary.
public struct PermissionVocabulary: Sendable {
    public let schemes: [String: Set<SchemeKind>]
    let suggester: PermissionNameSuggester

    public init(schemes: [String: Set<SchemeKind>]) {
        self.schemes = schemes
        suggester = PermissionNameSuggester(known: Set(schemes.keys))
    }

    public init(catalog: PermissionCatalog) { self.init(schemes: catalog.schemes) }

    public static let published: PermissionVocabulary = {
        let letters: [Character: SchemeKind] = ["W": .delegatedWork, "P": .delegatedPersonal, "A": .application]
        var schemes: [String: Set<SchemeKind>] = [:]
        for line in publishedLines.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard let name = parts.first else { continue }
            schemes[String(name)] = Set((parts.count > 1 ? parts[1] : "").compactMap { letters[$0] })
        }
        return PermissionVocabulary(schemes: schemes)
    }()

    public func knows(_ name: String) -> Bool { schemes[name] != nil }

    /// The vocabulary's spelling of a name it does not know as written, when exactly one is
    /// clearly meant, and why; nil for a known name or one without a confident match.
    func repair(_ name: String) -> (name: String, reason: String)? {
        guard !knows(name), !PermissionName.openIDScopes.contains(name) else { return nil }
        if let glued = gluedWordRemoved(name) { return (glued, "a word glued before it") }
        return suggester.suggest(name).map { ($0.name, $0.reason.rawValue) }
    }

    /// `deUser.Read.All` → `User.Read.All`: a translated word ("from", "one of") run into a name.
    private func gluedWordRemoved(_ name: String) -> String? {
        var index = name.startIndex
        while index < name.endIndex, name[index].isLowercase || !name[index].isASCII { index = name.index(after: index) }
        guard index > name.startIndex, index < name.endIndex, name[index].isUppercase else { return nil }
        let rest = String(name[index...])
        return knows(rest) ? rest : nil
    }
}
