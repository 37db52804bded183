/// Checks a model against a permission catalog: permission names the catalog does not know (with a
/// did-you-mean where one is clear), and routes where the page and the catalog list different
/// permissions for a scheme. Findings are diagnostics on the page that says it.
public struct CatalogCheck {
    public struct Summary: Sendable {
        public var unknownNames: [String: Int] = [:]
        public var suggestions: [String: String] = [:]
        public var routesCompared = 0
        public var schemesCompared = 0
        public var schemesDiffering = 0
    }

    let catalog: PermissionCatalog

    public init(catalog: PermissionCatalog) { self.catalog = catalog }

    public func check(_ model: Model) -> (diagnostics: [Diagnostic], summary: Summary) {
        var diagnostics: [Diagnostic] = []
        var summary = Summary()
        for op in model.operations {
            let primary = op.sources.first(where: \.primary) ?? op.sources.first
            let path = primary?.path ?? op.id
            // Unknown names: once per name and operation, at the operation's line.
            var reported: Set<String> = []
            for name in Self.names(op) where !catalog.names.contains(name) && reported.insert(name).inserted {
                summary.unknownNames[name, default: 0] += 1
                if let s = catalog.suggester.suggest(name) {
                    summary.suggestions[name] = s.name
                    diagnostics.append(Diagnostic(.warning, "permission-unknown",
                                                  "'\(name)' is not in the permission catalog; did you mean '\(s.name)'? (\(s.reason.rawValue))",
                                                  path: path, line: primary?.line ?? 1))
                } else {
                    diagnostics.append(Diagnostic(.warning, "permission-unknown", "'\(name)' is not in the permission catalog",
                                                  path: path, line: primary?.line ?? 1))
                }
            }
            for route in op.routes {
                guard let set = route.permissions ?? op.permissions,
                      let listed = catalog.permissions(method: route.method, path: route.path) else { continue }
                summary.routesCompared += 1
                var differences: [String] = []
                for kind in SchemeKind.allCases {
                    let mine = set[kind].map { $0.supported ? Set($0.allNames) : [] } ?? []
                    let theirs = listed[kind] ?? []
                    summary.schemesCompared += 1
                    guard mine != theirs else { continue }
                    summary.schemesDiffering += 1
                    let onlyPage = mine.subtracting(theirs).sorted(), onlyCatalog = theirs.subtracting(mine).sorted()
                    var parts: [String] = []
                    if !onlyPage.isEmpty { parts.append("only the page lists " + onlyPage.joined(separator: ", ")) }
                    if !onlyCatalog.isEmpty { parts.append("only the catalog lists " + onlyCatalog.joined(separator: ", ")) }
                    differences.append("\(kind.rawValue): " + parts.joined(separator: "; "))
                }
                if !differences.isEmpty {
                    diagnostics.append(Diagnostic(.note, "catalog-disagrees",
                                                  "\(route.method) \(route.path): page and catalog differ: " + differences.joined(separator: " | "),
                                                  path: path, line: route.line))
                }
            }
        }
        return (diagnostics, summary)
    }

    /// A catalog name for an unknown one, when one is clearly meant.
    public func suggestion(for name: String) -> String? {
        catalog.names.contains(name) ? nil : catalog.suggester.suggest(name)?.name
    }

    /// The permission names an operation mentions, plus unreadable cell text that is one word
    /// (a name whose dots were lost in translation, `TeamReadBasicAll`).
    static func names(_ op: APIOperation) -> [String] {
        let sets = ([op.permissions] + op.routes.map(\.permissions) + op.permissionTables.map(\.permissions)).compactMap { $0 }
        return sets.flatMap { set in
            SchemeKind.allCases.flatMap { kind -> [String] in
                guard let s = set[kind] else { return [] }
                return s.allNames + s.unparsed.filter { u in !u.isEmpty && u.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") } }
            }
        }
    }
}
