/// Matches an incoming `method + path` to a generated route and its arguments — for servers and
/// proxies. Built once from a version's route tables (`GraphV1.routeTables`); lookups filter by
/// method first.
public struct GraphRouter: Sendable {
    private struct Entry: Sendable {
        let table: RouteTable
        let name: String
        let template: PathTemplate
        let literalLength: Int
    }

    private let byMethod: [String: [Entry]]

    public init(tables: [RouteTable]) {
        var byMethod: [String: [Entry]] = [:]
        for table in tables {
            for d in table.descriptors {
                let literal = d.template.tokens.reduce(0) { n, t in if case .literal(let l) = t { n + l.count } else { n } }
                byMethod[d.method.uppercased(), default: []].append(Entry(table: table, name: d.name, template: d.template, literalLength: literal))
            }
        }
        // Most specific first: more literal text wins over a placeholder (`/me/photo` over `/me/{x}`).
        for key in byMethod.keys {
            byMethod[key]!.sort { ($0.literalLength, $0.template.text, $0.name) > ($1.literalLength, $1.template.text, $1.name) }
        }
        self.byMethod = byMethod
    }

    /// The route for `method` and `path`; `path` may carry the version prefix and a query.
    public func match(method: String, path: String) -> DocumentedRoute? {
        var p = Substring(path)
        if let q = p.firstIndex(where: { $0 == "?" || $0 == "#" }) { p = p[..<q] }
        for prefix in ["/v1.0/", "/beta/"] where p.hasPrefix(prefix) { p = p.dropFirst(prefix.count - 1) }
        if p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        let target = String(p)
        for entry in byMethod[method.uppercased()] ?? [] {
            if let args = entry.template.match(target), let route = entry.table.route(named: entry.name, arguments: args) {
                return route
            }
        }
        return nil
    }
}
