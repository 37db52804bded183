/// "Did you mean" for permission names the catalog does not know, tuned to the damage docs and
/// translations really do: wrong case (`user.read`), dots lost (`TeamReadBasicAll`), and typos
/// (`PriviligedOperation` for `PrivilegedOperations`). Only confident suggestions are made: one
/// candidate clearly closer than any other.
struct PermissionNameSuggester: Sendable {
    enum Reason: String, Sendable {
        case caseDiffers = "case differs"
        case dotsLost = "dots lost or misplaced"
        case wordsSwapped = "words swapped"
        case typo = "typo"
    }

    struct Suggestion: Sendable, Equatable {
        var name: String
        var reason: Reason
    }

    private let byLowercase: [String: String]
    private let byLetters: [String: [String]]
    private let byWords: [String: [String]]
    private let letterKeys: [(key: [UInt8], name: String)]

    init(known: Set<String>) {
        var byLowercase: [String: String] = [:]
        var byLetters: [String: [String]] = [:]
        var byWords: [String: [String]] = [:]
        for name in known.sorted() {
            byLowercase[name.lowercased()] = byLowercase[name.lowercased()] ?? name
            byLetters[Self.letters(name), default: []].append(name)
            byWords[Self.wordBag(name), default: []].append(name)
        }
        self.byLowercase = byLowercase
        self.byLetters = byLetters
        self.byWords = byWords
        letterKeys = known.sorted().map { (Array(Self.letters($0).utf8), $0) }
    }

    /// The name's words, lower-cased and sorted: `ManagedTenants.WriteRead.All` and
    /// `ManagedTenants.ReadWrite.All` have the same bag.
    static func wordBag(_ s: String) -> String {
        var words: [String] = []
        var current = ""
        for ch in s {
            if ch.isUppercase || !(ch.isLetter || ch.isNumber) {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ch.isLetter || ch.isNumber ? String(ch) : ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words.sorted().joined(separator: " ")
    }

    private static func segments(_ s: String) -> Int { s.split(separator: ".", omittingEmptySubsequences: false).count }

    /// Lower-cased letters and digits only: `Team.ReadBasic.All` → `teamreadbasicall`.
    static func letters(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
            .map(Character.init))
    }

    func suggest(_ name: String) -> Suggestion? {
        if let exact = byLowercase[name.lowercased()] { return Suggestion(name: exact, reason: .caseDiffers) }
        let key = Self.letters(name)
        guard key.count >= 4 else { return nil }
        if let same = byLetters[key], let pick = Self.closestCase(name, same) { return Suggestion(name: pick, reason: .dotsLost) }
        if let same = byWords[Self.wordBag(name)], same.count == 1 { return Suggestion(name: same[0], reason: .wordsSwapped) }
        // Typos: the closest name by edit distance over the letters, if close enough and unique.
        // A name written with dots keeps its shape: `X.ReadWrite` is not a typo of `X.ReadWrite.All`.
        let target = Array(key.utf8)
        let limit = max(1, min(3, target.count / 8))
        let shape = name.contains(".") ? Self.segments(name) : nil
        var best: (distance: Int, names: [String]) = (limit + 1, [])
        for (candidate, canonical) in letterKeys where abs(candidate.count - target.count) <= best.distance {
            if let shape, Self.segments(canonical) != shape { continue }
            let d = EditDistance.levenshtein(target, candidate, limit: best.distance)
            if d < best.distance { best = (d, [canonical]) } else if d == best.distance { best.names.append(canonical) }
        }
        // Catalog entries that differ only in case count as one.
        guard best.distance <= limit, Set(best.names.map(Self.letters)).count == 1, let pick = Self.closestCase(name, best.names) else { return nil }
        return Suggestion(name: pick, reason: .typo)
    }

    /// Among spellings of one name, the one whose letters' case is closest to `name`'s.
    private static func closestCase(_ name: String, _ spellings: [String]) -> String? {
        guard Set(spellings.map(letters)).count == 1 else { return nil }
        let target = Array(name.filter { $0.isLetter || $0.isNumber }.utf8)
        return spellings.min { a, b in
            let da = EditDistance.levenshtein(target, Array(a.filter { $0.isLetter || $0.isNumber }.utf8), limit: 64)
            let db = EditDistance.levenshtein(target, Array(b.filter { $0.isLetter || $0.isNumber }.utf8), limit: 64)
            return (da, a) < (db, b)
        }
    }
}
