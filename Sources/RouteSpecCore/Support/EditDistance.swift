/// How many single-byte insertions, deletions and substitutions turn one word into another, and
/// the "did you mean" built on it.
public enum EditDistance {
    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    public static func levenshtein(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a == b { return 0 }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1..<(b.count + 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    /// The one candidate closest to `word`, when it is close enough to be what was meant: a few
    /// edits away for its length, or the only candidate `word` begins. Nil on a tie.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.utf8)
        let limit = target.count >= 5 ? 2 : 1
        var best: (distance: Int, words: [String]) = (limit + 1, [])
        for candidate in Set(candidates) {
            let d = levenshtein(target, Array(candidate.utf8), limit: limit)
            if d < best.distance { best = (d, [candidate]) } else if d == best.distance { best.words.append(candidate) }
        }
        if best.words.count == 1 { return best.words[0] }
        let extensions = Set(candidates.filter { target.count >= 2 && $0.hasPrefix(word) })
        return extensions.count == 1 ? extensions.first : nil
    }
}
