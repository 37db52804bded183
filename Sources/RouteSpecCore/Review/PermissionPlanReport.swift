/// `routespec permissions` output, in Markdown: what each route matched, then per scheme each
/// route's least privilege, the permissions to request, and why any route gets more.
public enum PermissionPlanReport {
    public static func text(_ plan: PermissionPlanner.Plan) -> String {
        var lines = ["Routes (\(plan.matches.count) matched, \(plan.unmatched.count) not documented):", ""]
        for m in plan.matches {
            let source = m.operation.sources.first(where: \.primary)?.path ?? m.operation.id
            lines.append("- `\(m.request.method) \(m.request.path)` → \(m.operation.apiVersion.rawValue) \(m.operation.name): `\(m.route.method) \(m.route.path)` (\(source):\(m.route.line))")
            let conditions = m.requirements.compactMap(\.condition)
            if !conditions.isEmpty && m.request.variant == nil {
                lines.append("  - depends on the request; planned for every variant (name one as `\(m.request.method) \(m.request.path) [\(conditions[0])]`): "
                             + conditions.joined(separator: "; "))
            }
        }
        for (i, r) in plan.unmatched.enumerated() {
            let near = i < plan.nearest.count ? plan.nearest[i].map { "; nearest: `\($0)`" } ?? "" : ""
            lines.append("- `\(r.method) \(r.path)\(r.variant.map { " [\($0)]" } ?? "")` → no documented route matches" + (r.variant == nil ? "" : " with that variant") + near)
        }
        guard !plan.matches.isEmpty else { return lines.joined(separator: "\n") + "\n" }
        for s in plan.schemes {
            lines.append("")
            let label = SchemeLabel.english(s.scheme)
            if !s.impossible.isEmpty {
                lines.append("**\(label)**: not possible: " + s.impossible.map { route($0) + reason($0, s.scheme) }.joined(separator: "; "))
                continue
            }
            lines.append("**\(label)**: " + (s.permissions.isEmpty ? "no permission needed" : s.permissions.joined(separator: ", ")))
            lines.append("")
            for need in plan.needs(s.scheme) {
                guard let scheme = need.permissions?[s.scheme], let least = scheme.alternatives.first else { continue }
                lines.append("- \(route(need)): least \(least.joined(separator: " + ")) (\(cite(need)))")
            }
            for n in s.leastUnknown {
                lines.append("- least privilege unknown: \(route(n)): the docs' first item is unreadable; planned from the next, "
                             + (n.permissions?[s.scheme]?.higherPrivileged.first ?? ""))
            }
            for b in s.beyondLeast {
                let least = b.need.permissions?[s.scheme]?.leastPrivileged.joined(separator: ", ") ?? ""
                let forced = b.forcedBy.map(route).joined(separator: ", ")
                lines.append("- beyond least privilege: \(route(b.need)) needs only \(least); covered by \(b.coveredBy.joined(separator: ", ")), which \(forced) need\(b.forcedBy.count == 1 ? "s" : "")")
            }
            lines += fewerButHigher(plan.needs(s.scheme), chosen: Set(s.permissions), s.scheme)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A higher permission that alone would replace several chosen ones: named, and why it was not
    /// chosen (least privilege comes before fewer permissions).
    static func fewerButHigher(_ needs: [PermissionPlanner.Need], chosen: Set<String>, _ kind: SchemeKind) -> [String] {
        let schemes = needs.compactMap { n in n.permissions?[kind].map { (n, $0) } }.filter { $0.1.supported }
        let higher = Set(schemes.flatMap { $0.1.allNames }).subtracting(chosen).sorted()
        var lines: [String] = []
        for name in higher {
            let covers = schemes.filter { $0.1.allNames.contains(name) }
            let replaced = Set(covers.flatMap { $0.1.allNames.filter(chosen.contains) })
            guard covers.count >= 2, covers.count == schemes.count, replaced.count >= 2 else { continue }
            lines.append("- considered: \(name) alone covers every route, but is more privileged than \(replaced.sorted().joined(separator: ", ")); "
                         + "kept the least privileged")
        }
        return Array(lines.prefix(3))
    }

    /// Where the docs state the requirement: the page and the route's line.
    static func cite(_ n: PermissionPlanner.Need) -> String {
        "\(n.match.operation.sources.first(where: \.primary)?.path ?? n.match.operation.id):\(n.match.route.line)"
    }

    /// What a grant lacks and holds in excess, and the smallest change.
    public static func text(_ audit: GrantAudit) -> String {
        var lines = ["**Grant** (\(SchemeLabel.english(audit.scheme))): \(audit.granted.isEmpty ? "nothing" : audit.granted.joined(separator: ", "))"
                     + (audit.origin.map { " (\($0))" } ?? ""), ""]
        if audit.isClean { lines.append("- every route is covered and every permission is needed") }
        for name in audit.overPrivileged { lines.append("- over-privileged: \(name) (no route called needs it)") }
        for need in audit.missing {
            let least = need.permissions?[audit.scheme].flatMap { $0.supported ? $0.alternatives.first?.joined(separator: " + ") : nil }
            lines.append("- missing: \(route(need)) needs \(least ?? "a scheme it does not support") (\(cite(need)))")
        }
        if !audit.isClean {
            lines.append("- smallest change: " + ([audit.add.isEmpty ? nil : "add " + audit.add.joined(separator: ", "),
                                                   audit.remove.isEmpty ? nil : "remove " + audit.remove.joined(separator: ", ")]
                .compactMap { $0 }.joined(separator: "; ")))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The plan and any audit as JSON, for tools.
    public static func json(_ plan: PermissionPlanner.Plan, audit: GrantAudit?) -> JSONValue {
        func need(_ n: PermissionPlanner.Need, _ kind: SchemeKind?) -> JSONValue {
            var o: [String: JSONValue] = ["route": .string("\(n.match.request.method) \(n.match.request.path)"), "source": .string(cite(n)),
                                          "operation": .string(n.match.operation.id)]
            if let c = n.condition { o["variant"] = .string(c) }
            if let kind, let s = n.permissions?[kind], s.supported { o["alternatives"] = .array(s.alternatives.map { .array($0.map(JSONValue.string)) }) }
            return .object(o)
        }
        var root: [String: JSONValue] = [
            "unmatched": .array(plan.unmatched.map { .string("\($0.method) \($0.path)") }),
            "schemes": .array(plan.schemes.map { s in
                .object([
                    "scheme": .string(s.scheme.rawValue),
                    "possible": .bool(s.impossible.isEmpty),
                    "permissions": .array(s.permissions.map(JSONValue.string)),
                    "routes": .array(plan.needs(s.scheme).map { need($0, s.scheme) }),
                    "impossible": .array(s.impossible.map { need($0, nil) }),
                    "beyondLeast": .array(s.beyondLeast.map { b in
                        .object(["route": need(b.need, s.scheme), "coveredBy": .array(b.coveredBy.map(JSONValue.string)),
                                 "forcedBy": .array(b.forcedBy.map { .string("\($0.match.request.method) \($0.match.request.path)") })])
                    }),
                ])
            }),
        ]
        if let audit {
            root["grant"] = .object([
                "scheme": .string(audit.scheme.rawValue), "granted": .array(audit.granted.map(JSONValue.string)),
                "overPrivileged": .array(audit.overPrivileged.map(JSONValue.string)),
                "missing": .array(audit.missing.map { need($0, audit.scheme) }),
                "add": .array(audit.add.map(JSONValue.string)), "remove": .array(audit.remove.map(JSONValue.string)),
            ])
        }
        return .object(root)
    }

    private static func route(_ n: PermissionPlanner.Need) -> String {
        "\(n.match.request.method) \(n.match.request.path)" + (n.condition.map { " [\($0)]" } ?? "")
    }

    private static func reason(_ n: PermissionPlanner.Need, _ kind: SchemeKind) -> String {
        guard let set = n.permissions else { return " (unknown: the docs give it no permissions)" }
        return set[kind] == nil ? " (not documented)" : " (not supported)"
    }
}
