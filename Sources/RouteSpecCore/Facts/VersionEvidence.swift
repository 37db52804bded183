/// Which API version a page outside a `v1.0/`/`beta/` tree documents: the beta notice (an
/// include or a quote saying `/beta`) decides; URLs in examples, which mix versions, are the
/// last resort.
struct VersionEvidence {
    var betaNoticeLine: Int?
    var exampleV1 = 0
    var exampleBeta = 0

    func decide(diagnostics: inout DiagnosticSink, line: Int) -> ApiVersion {
        if betaNoticeLine != nil { return .beta }
        if exampleBeta > exampleV1 {
            diagnostics.note("api-version-from-examples", "no beta notice; the example URLs say beta", line: line)
            return .beta
        }
        if exampleV1 == 0 && exampleBeta == 0 {
            diagnostics.note("api-version-assumed", "no version folder, beta notice or example URL; assuming v1.0", line: line)
        }
        return .v1
    }

    static let betaMarkers = Lexicon.all(\.betaMarkers)

    /// The markers by a piece of each that lower-casing never makes or changes (ASCII
    /// punctuation, else a caseless character such as an ideograph): the line is lower-cased only
    /// around that piece's occurrences, not whole (the costly part, on long translated lines).
    /// Spaces are the last choice, as nearly every line has them.
    private static let markersByAnchor: [(anchor: [UInt8], markers: [String])] = {
        var byAnchor: [[UInt8]: [String]] = [:]
        for marker in betaMarkers {
            let pieces = marker.unicodeScalars.filter { s in
                s.isASCII ? !ASCII.isAlphanumeric(UInt8(s.value)) : !s.properties.isCased && !isMark(s)
            }
            let anchor = pieces.first { $0 != " " } ?? pieces.first
            byAnchor[anchor.map { Array(String($0).utf8) } ?? [], default: []].append(marker)
        }
        return byAnchor.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0, byAnchor[$0]!) }
    }()

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    static func isBetaNotice(_ line: String) -> Bool {
        line.withUTF8Bytes { bytes in
            markersByAnchor.contains { anchor, markers in
                guard !anchor.isEmpty else {
                    let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
                    return markers.contains { lowered.has($0) }
                }
                // Lower-casing can change a character's length threefold either way: the window is wide enough.
                let reach = 4 * (markers.map(\.utf8.count).max() ?? 0)
                var from = 0
                while let found = TextSearch.find(anchor, in: UnsafeBufferPointer(rebasing: bytes[from...])) {
                    let hit = from + found
                    var lo = max(0, hit - reach), hi = min(bytes.count, hit + anchor.count + reach)
                    while lo > 0, bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
                    while hi < bytes.count, bytes[hi] & 0xC0 == 0x80 { hi += 1 }
                    let lowered = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self).lowercased()
                    if markers.contains(where: { lowered.has($0) }) { return true }
                    from = hit + 1
                }
                return false
            }
        }
    }
}
