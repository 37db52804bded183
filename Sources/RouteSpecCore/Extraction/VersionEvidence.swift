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

    static func isBetaNotice(_ line: String) -> Bool {
        let l = line.lowercased()
        return betaMarkers.contains { l.has($0) }
    }
}
