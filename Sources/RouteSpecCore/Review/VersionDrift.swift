/// `routespec drift`: the operations documented in both v1.0 and beta, side by side. Operations
/// pair by their id below the version (the page path or title anchor), else by a unique name.
public enum VersionDrift {
    public struct Entry: Sendable {
        public var name: String
        public var v1: String
        public var beta: String
        public var onlyInV1: [String]
        public var onlyInBeta: [String]
        /// `METHOD /path scheme: v1.0 [..] beta [..]`
        public var permissionDifferences: [String]
        public var isEmpty: Bool { onlyInV1.isEmpty && onlyInBeta.isEmpty && permissionDifferences.isEmpty }
    }

    public struct Report: Sendable {
        public var paired: Int
        public var onlyV1: [String]
        public var onlyBeta: [String]
        public var entries: [Entry]
    }

    public static func compare(_ model: Model) -> Report {
        let v1 = model.operations.filter { $0.apiVersion == .v1 }
        let beta = model.operations.filter { $0.apiVersion == .beta }
        func key(_ op: APIOperation) -> String { String(op.id.split(separator: "/", maxSplits: 1).last ?? "") }
        var betaByKey = Dictionary(beta.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var pairs: [(APIOperation, APIOperation)] = []
        var onlyV1: [APIOperation] = []
        for op in v1 {
            if let b = betaByKey.removeValue(forKey: key(op)) { pairs.append((op, b)) } else { onlyV1.append(op) }
        }
        let betaByName = Dictionary(grouping: betaByKey.values, by: { $0.name.lowercased() })
        let v1ByName = Dictionary(grouping: onlyV1, by: { $0.name.lowercased() })
        var stillOnlyV1: [APIOperation] = []
        for op in onlyV1 {
            if let c = betaByName[op.name.lowercased()], c.count == 1, v1ByName[op.name.lowercased()]!.count == 1, !op.name.isEmpty {
                pairs.append((op, c[0]))
                betaByKey.removeValue(forKey: key(c[0]))
            } else {
                stillOnlyV1.append(op)
            }
        }
        var entries: [Entry] = []
        for (a, b) in pairs {
            let ra = a.routesByShape
            let rb = b.routesByShape
            var differences: [String] = []
            for shape in ra.keys.filter({ rb[$0] != nil }).sorted() {
                let qa = a.requirements(of: ra[shape]!), qb = b.requirements(of: rb[shape]!)
                let conditions = (qa + qb).map(\.condition).reduce(into: [String?]()) { if !$0.contains($1) { $0.append($1) } }
                for condition in conditions {
                    let pa = qa.first { $0.condition == condition }, pb = qb.first { $0.condition == condition }
                    let label = condition.map { " [\($0)]" } ?? ""
                    for kind in SchemeKind.allCases {
                        let x = pa.map { describe($0.permissions?[kind]) } ?? "no such variant"
                        let y = pb.map { describe($0.permissions?[kind]) } ?? "no such variant"
                        if x != y { differences.append("\(rb[shape]!.method) \(rb[shape]!.path)\(label) \(kind.rawValue): v1.0 \(x), beta \(y)") }
                    }
                }
            }
            entries.append(Entry(name: b.name.isEmpty ? a.name : b.name, v1: a.id, beta: b.id,
                                 onlyInV1: ra.keys.filter { rb[$0] == nil }.sorted().map { "\(ra[$0]!.method) \(ra[$0]!.path)" },
                                 onlyInBeta: rb.keys.filter { ra[$0] == nil }.sorted().map { "\(rb[$0]!.method) \(rb[$0]!.path)" },
                                 permissionDifferences: differences))
        }
        entries.sort { ($0.name, $0.v1) < ($1.name, $1.v1) }
        return Report(paired: pairs.count, onlyV1: stillOnlyV1.map(\.id).sorted(), onlyBeta: betaByKey.keys.map { "beta/" + $0 }.sorted(),
                      entries: entries)
    }

    static func describe(_ s: Scheme?) -> String {
        guard let s else { return "not documented" }
        guard s.supported else { return "not supported" }
        if s.noPermissionRequired && s.allNames.isEmpty { return "none needed" }
        return "[" + s.leastPrivileged.joined(separator: ", ") + (s.higherPrivileged.isEmpty ? "" : " | " + s.higherPrivileged.joined(separator: ", ")) + "]"
    }

    public static func markdown(_ r: Report) -> String {
        let differing = r.entries.filter { !$0.isEmpty }
        var lines = ["## v1.0 / beta drift", "",
                     "\(r.paired) operations in both versions, \(differing.count) of them differ; \(r.onlyV1.count) only in v1.0, \(r.onlyBeta.count) only in beta."]
        for e in differing {
            lines += ["", "### `\(e.name)` (`\(e.v1)` / `\(e.beta)`)"]
            lines += e.onlyInV1.map { "- only in v1.0: `\($0)`" }
            lines += e.onlyInBeta.map { "- only in beta: `\($0)`" }
            lines += e.permissionDifferences.map { "- permissions differ: \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ r: Report) -> JSONValue {
        .object([
            "paired": .int(r.paired),
            "onlyV1": .array(r.onlyV1.map(JSONValue.string)),
            "onlyBeta": .array(r.onlyBeta.map(JSONValue.string)),
            "differences": .array(r.entries.filter { !$0.isEmpty }.map { e in
                .object(["name": .string(e.name), "v1": .string(e.v1), "beta": .string(e.beta),
                         "onlyInV1": .array(e.onlyInV1.map(JSONValue.string)), "onlyInBeta": .array(e.onlyInBeta.map(JSONValue.string)),
                         "permissionDifferences": .array(e.permissionDifferences.map(JSONValue.string))])
            }),
        ])
    }
}
