/// One include lookup that a page's facts depended on, and what it found. A cached result for the
/// page stays valid only while every lookup still finds the same thing.
struct IncludeProbe: Sendable {
    var target: String
    var from: String
    var fingerprint: [UInt8]
}

extension IncludeResolver.Outcome {
    /// What the lookup found, in a form cheap to store and compare: the file's identity and a hash
    /// of its bytes, or why there was none.
    var fingerprint: [UInt8] {
        switch self {
        case .loaded(let displayPath, let absolutePath, let bytes):
            let hash = ContentHash([Array(displayPath.utf8), Array(absolutePath.utf8), bytes])
            var out: [UInt8] = [1]
            for word in [hash.high, hash.low] { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(k)))) } }
            return out
        case .missing(let displayPath): return [2] + Array(displayPath.utf8)
        case .refused(let reason): return [3] + Array(reason.utf8)
        }
    }
}
