/// `routespec permissions` output: what each route matched, then per scheme the permissions to
/// request and the routes that force more than their own least privilege.
public enum PermissionPlanReport {
    public static func text(_ plan: PermissionPlanner.Plan) -> String {
        var lines = ["Routes (\(plan.matches.count) matched, \(plan.unmatched.count) not documented):"]
        for m in plan.matches {
            let source = m.operation.sources.first(where: \.primary)?.path ?? m.operation.id
            lines.append("  \(m.request.method) \(m.request.path)  →  \(m.operation.apiVersion.rawValue) \(m.operation.name): \(m.route.method) \(m.route.path)  (\(source):\(m.route.line))")
            let conditions = m.requirements.compactMap(\.condition)
            if !conditions.isEmpty && m.request.variant == nil {
                lines.append("    depends on the request; planned for every variant (name one as `\(m.request.method) \(m.request.path) [\(conditions[0])]`): "
                             + conditions.joined(separator: "; "))
            }
        }
        for r in plan.unmatched {
            lines.append("  \(r.method) \(r.path)\(r.variant.map { " [\($0)]" } ?? "")  →  no documented route matches" + (r.variant == nil ? "" : " with that variant"))
        }
        guard !plan.matches.isEmpty else { return lines.joined(separator: "\n") + "\n" }
        for s in plan.schemes {
            lines.append("")
            let label = SchemeLabel.english(s.scheme)
            if !s.impossible.isEmpty {
                lines.append("\(label): not possible: " + s.impossible.map { route($0) + reason($0, s.scheme) }.joined(separator: "; "))
                continue
            }
            lines.append("\(label): " + (s.permissions.isEmpty ? "no permission needed" : s.permissions.joined(separator: ", ")))
            for n in s.leastUnknown {
                lines.append("  least privilege unknown: \(route(n)): the docs' first item is unreadable; planned from the next, "
                             + (n.permissions?[s.scheme]?.higherPrivileged.first ?? ""))
            }
            for b in s.beyondLeast {
                let least = b.need.permissions?[s.scheme]?.leastPrivileged.joined(separator: ", ") ?? ""
                let forced = b.forcedBy.map(route).joined(separator: ", ")
                lines.append("  beyond least privilege: \(route(b.need)) needs only \(least); covered by \(b.coveredBy.joined(separator: ", ")), which \(forced) need\(b.forcedBy.count == 1 ? "s" : "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func route(_ n: PermissionPlanner.Need) -> String {
        "\(n.match.request.method) \(n.match.request.path)" + (n.condition.map { " [\($0)]" } ?? "")
    }

    private static func reason(_ n: PermissionPlanner.Need, _ kind: SchemeKind) -> String {
        guard let set = n.permissions else { return " (no permissions documented)" }
        return set[kind] == nil ? " (not documented)" : " (not supported)"
    }
}
