/// Where two sources of one operation disagree (routes, permissions, status codes): a warning on
/// the older source naming both files and what differs.
enum DriftReport {
    static func compare(primary: OperationMerger.ResolvedPage, other: OperationMerger.ResolvedPage, into diagnostics: inout [Diagnostic]) {
        var differences: [String] = []
        let onlyPrimary = primary.shapes.subtracting(other.shapes).sorted()
        let onlyOther = other.shapes.subtracting(primary.shapes).sorted()
        if !onlyPrimary.isEmpty { differences.append("routes only in the newer page: \(list(onlyPrimary.map(\.description)))") }
        if !onlyOther.isEmpty { differences.append("routes only in this page: \(list(onlyOther.map(\.description)))") }
        for kind in SchemeKind.allCases {
            let a = primary.permissions?[kind], b = other.permissions?[kind]
            if summary(a) != summary(b) {
                differences.append("\(kind.rawValue): \(summary(b)) here, \(summary(a)) in the newer page")
            }
        }
        let conditions = { (page: OperationMerger.ResolvedPage) in page.variants.map(\.condition) }
        if page(primary.variants) != page(other.variants) {
            differences.append("permission variants: \(conditions(other).isEmpty ? "none" : conditions(other).joined(separator: "; ")) here, "
                               + "\(conditions(primary).isEmpty ? "none" : conditions(primary).joined(separator: "; ")) in the newer page")
        }
        if primary.successCodes != other.successCodes {
            differences.append("status \(other.successCodes) here, \(primary.successCodes) in the newer page")
        }
        guard !differences.isEmpty else { return }
        let newer = primary.facts.path + (primary.facts.date.map { " (\($0))" } ?? "")
        let older = other.facts.date.map { " (\($0))" } ?? ""
        diagnostics.append(Diagnostic(.warning, "translation-drift",
                                      "this page\(older) and the newer '\(newer)' document the same operation differently; the newer wins: "
                                          + differences.joined(separator: "; "),
                                      path: other.facts.path, line: other.facts.titleLine))
    }

    /// Variants as compared: conditions and each scheme's summary.
    private static func page(_ variants: [PermissionVariant]) -> [String] {
        variants.map { v in v.condition + ": " + SchemeKind.allCases.map { summary(v.permissions[$0]) }.joined(separator: ", ") }
    }

    private static func summary(_ s: Scheme?) -> String {
        guard let s else { return "not documented" }
        guard s.supported else { return "not supported" }
        if s.noPermissionRequired { return "no permission needed" }
        return "[" + Set(s.allNames).sorted().joined(separator: ", ") + "]"
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 6 ? items.joined(separator: ", ") : items.prefix(6).joined(separator: ", ") + " and \(items.count - 6) more"
    }
}
