/// `routespec permissions` output: what each route matched, then per scheme the permissions to
/// request and the routes that force more than their own least privilege.
public enum PermissionPlanReport {
    public static func text(_ plan: PermissionPlanner.Plan) -> String {
        var lines = ["Routes (\(plan.matches.count) matched, \(plan.unmatched.count) not documented):"]
        for m in plan.matches {
            let source = m.operation.sources.first(where: \.primary)?.path ?? m.operation.id
            lines.append("  \(m.request.method) \(m.request.path)  →  \(m.operation.apiVersion.rawValue) \(m.operation.name): \(m.route.method) \(m.route.path)  (\(source):\(m.route.line))")
        }
        for r in plan.unmatched { lines.append("  \(r.method) \(r.path)  →  no documented route matches") }
        for s in plan.schemes {
            lines.append("")
            let label = SchemeLabel.english(s.scheme)
            if !s.impossible.isEmpty {
                lines.append("\(label): not possible: " + s.impossible.map { route($0) + reason($0, s.scheme) }.joined(separator: "; "))
                continue
            }
            lines.append("\(label): " + (s.permissions.isEmpty ? "no permission needed" : s.permissions.joined(separator: ", ")))
            for b in s.beyondLeast {
                let least = b.match.permissions?[s.scheme]?.leastPrivileged.joined(separator: ", ") ?? ""
                let forced = b.forcedBy.map(route).joined(separator: ", ")
                lines.append("  beyond least privilege: \(route(b.match)) needs only \(least); covered by \(b.coveredBy.joined(separator: ", ")), which \(forced) need\(b.forcedBy.count == 1 ? "s" : "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func route(_ m: PermissionPlanner.Match) -> String { "\(m.request.method) \(m.request.path)" }

    private static func reason(_ m: PermissionPlanner.Match, _ kind: SchemeKind) -> String {
        guard let set = m.permissions else { return " (no permissions documented)" }
        return set[kind] == nil ? " (not documented)" : " (not supported)"
    }
}
