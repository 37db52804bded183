/// How candidate words spell a few wanted words with capitals (`resetpasscode` is spelled
/// `resetPasscode` in `/deviceManagement/resetPasscode`): matches that ignore ASCII case, taken
/// in the order offered and found on bytes, so a `String` is made only for a match.
struct SpellingSearch {
    /// The wanted words lower-cased (a word that is not ASCII is lower-cased by its characters,
    /// and then matches only if that gives ASCII).
    private let keys: [[UInt8]]
    /// Bit n set when a key is n bytes long (bit 63: 63 or more): a candidate of another length
    /// is turned away before its bytes are read.
    private let lengths: UInt64
    /// For each wanted word, the first candidate that spells it with a capital.
    private(set) var capitalized: [String?]
    /// For each wanted word, whether any candidate spelled it before it was capitalized.
    private(set) var matched: [Bool]
    private var open: Int

    init(wanted: [String]) {
        keys = wanted.map(Self.key)
        lengths = keys.reduce(0) { $0 | Self.lengthBit($1.count) }
        capitalized = Array(repeating: nil, count: keys.count)
        matched = Array(repeating: false, count: keys.count)
        open = keys.count
    }

    private static func key(_ word: String) -> [UInt8] {
        word.withUTF8Span { p in
            guard ASCII.isASCII(p) else { return Array(word.lowercased().utf8) }
            var key: [UInt8] = []
            key.reserveCapacity(p.count)
            for i in p.indices { key.append(ASCII.lower(p[i])) }
            return key
        }
    }

    /// Whether every wanted word is capitalized: later candidates change nothing.
    var isComplete: Bool { open == 0 }

    private static func lengthBit(_ count: Int) -> UInt64 { 1 << UInt64(min(count, 63)) }

    private func mayMatch(length: Int) -> Bool { length >= 0 && lengths & Self.lengthBit(length) != 0 }

    /// Offers `p[range]`; a candidate that is not all ASCII spells nothing.
    mutating func offer(_ p: Span<UInt8>, _ range: Range<Int>) {
        guard mayMatch(length: range.count) else { return }
        var capital = false
        for i in range {
            if p[i] >= 0x80 { return }
            if ASCII.isUpper(p[i]) { capital = true }
        }
        for k in keys.indices where capitalized[k] == nil && ASCII.equalsIgnoringCase(p, range, lowered: keys[k]) {
            matched[k] = true
            guard capital else { continue }
            capitalized[k] = p.string(range)
            open -= 1
        }
    }

    mutating func offer(_ word: Substring) {
        word.withUTF8Span { p in offer(p, p.indices) }
    }

    /// Offers each run of letters and digits of `text` (its alphanumeric runs: by character when
    /// it is not ASCII), and with `singulars` each run's singular after it.
    mutating func offerWords(of text: String, singulars: Bool) {
        text.withUTF8Span { p in
            guard ASCII.isASCII(p) else {
                for run in text.alphanumericRuns {
                    run.withUTF8Span { offerWord($0, $0.indices, singular: singulars) }
                }
                return
            }
            for run in ASCII.alphanumericRuns(p, in: p.indices) { offerWord(p, run, singular: singulars) }
        }
    }

    /// Offers `p[range]`, then, with `singular`, its singular when that differs
    /// (`PlaceholderRewriter.singularEdit`: `policies` → `policy`, `classes` → `class`).
    mutating func offerWord(_ p: Span<UInt8>, _ range: Range<Int>, singular: Bool) {
        offer(p, range)
        // Every singular drops a final `s` and is one or two bytes shorter.
        let end = range.upperBound
        guard singular, end > range.lowerBound, p[end - 1] == UInt8(ascii: "s"),
              mayMatch(length: range.count - 1) || mayMatch(length: range.count - 2) else { return }
        let edit = PlaceholderRewriter.singularEdit(count: range.count) { suffix in
            // Compared in place: every word of every route path is offered.
            let n = suffix.utf8.count
            guard range.count >= n else { return false }
            return suffix.withUTF8Span { UTF8Text.equal(p.extracting((end - n)..<end), $0) }
        }
        guard let edit else { return }
        let kept = range.lowerBound..<end - edit.drop
        guard edit.addY else { return offer(p, kept) }
        var withY: [UInt8] = []
        withY.reserveCapacity(kept.count + 1)
        withY.append(contentsOf: p.extracting(kept))
        withY.append(UInt8(ascii: "y"))
        withY.withSpan { offer($0, $0.indices) }
    }
}
