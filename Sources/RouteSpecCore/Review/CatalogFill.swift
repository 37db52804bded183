/// Pages whose permission include is missing say nothing of permissions; where the catalog knows
/// their routes, the catalog's requirement is taken (`"from": "catalog"`), with a warning.
public enum CatalogFill {
    public static func apply(_ catalog: PermissionCatalog, to model: inout Model) -> [Diagnostic] {
        let missing = Set(model.diagnostics.filter { $0.code == "include-missing" && $0.severity == .warning }.map(\.path))
        var diagnostics: [Diagnostic] = []
        for i in model.operations.indices {
            let op = model.operations[i]
            guard let primary = op.sources.first(where: \.primary), missing.contains(primary.path),
                  op.permissions == nil, op.permissionVariants.isEmpty, op.routes.allSatisfy({ $0.permissions == nil && $0.permissionVariants.isEmpty }) else { continue }
            var filled: [String] = []
            for r in op.routes.indices {
                guard let set = catalog.requirement(method: op.routes[r].method, path: op.routes[r].path) else { continue }
                model.operations[i].routes[r].permissions = set
                filled.append("\(op.routes[r].method) \(op.routes[r].path)")
            }
            guard !filled.isEmpty else { continue }
            // One requirement for every route: the operation's.
            let sets = Set(model.operations[i].routes.map(\.permissions))
            if sets.count == 1, let only = sets.first, let set = only {
                model.operations[i].permissions = set
                for r in model.operations[i].routes.indices { model.operations[i].routes[r].permissions = nil }
            }
            diagnostics.append(Diagnostic(.warning, "permissions-from-catalog",
                                          "the page's permission table is missing; took the catalog's requirement for \(filled.count) of \(op.routes.count) routes (\(filled.prefix(2).joined(separator: ", "))\(filled.count > 2 ? ", …" : ""))",
                                          path: primary.path, line: primary.line))
        }
        return diagnostics
    }
}
