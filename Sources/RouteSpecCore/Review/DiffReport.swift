/// `routespec diff` output: Markdown that reads well pasted into a pull request (widening first),
/// and JSON for machines.
public enum DiffReport {
    public static func markdown(_ changes: [APIChange], old: String, new: String) -> String {
        var lines = ["## API changes: \(old) → \(new)", ""]
        let counts = APIChange.Impact.allCases.map { impact in (impact, changes.filter { $0.impact == impact }.count) }
        lines.append(counts.map { "**\($0.1) \($0.0.rawValue)**" }.joined(separator: " · "))
        if changes.isEmpty {
            lines += ["", "No route, method, status or permission changed."]
            return lines.joined(separator: "\n") + "\n"
        }
        let headings: [APIChange.Impact: String] = [
            .widening: "Widening: more access possible or required",
            .narrowing: "Narrowing: less access",
            .neutral: "Neutral",
        ]
        for (impact, count) in counts where count > 0 {
            lines += ["", "### \(headings[impact]!)", "", "| Operation | Route | Change |", "|---|---|---|"]
            for c in changes where c.impact == impact {
                let operation = "\(c.apiVersion) `\(cell(c.operationName.isEmpty ? c.operationID : c.operationName))`"
                let route = c.route.map { "`\(cell($0))`" } ?? "all routes"
                lines.append("| \(operation) | \(route) | \(cell(c.summary)) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ changes: [APIChange], old: String, new: String) -> JSONValue {
        var summary: [String: JSONValue] = [:]
        for impact in APIChange.Impact.allCases { summary[impact.rawValue] = .int(changes.filter { $0.impact == impact }.count) }
        return .object([
            "old": .string(old),
            "new": .string(new),
            "summary": .object(summary),
            "changes": .array(changes.map { c in
                var o: [String: JSONValue] = [
                    "impact": .string(c.impact.rawValue), "kind": .string(c.kind.rawValue), "apiVersion": .string(c.apiVersion),
                    "operationId": .string(c.operationID), "operationName": .string(c.operationName),
                    "before": .array(c.before.map(JSONValue.string)), "after": .array(c.after.map(JSONValue.string)),
                    "summary": .string(c.summary),
                ]
                if let r = c.route { o["route"] = .string(r) }
                if let s = c.scheme { o["scheme"] = .string(s.rawValue) }
                return .object(o)
            }),
        ])
    }

    /// Table cells: a `|` or a line break from the docs must not break the table.
    private static func cell(_ s: String) -> String {
        s.replacingEvery("|", with: "\\|").replacingEvery("\n", with: " ").replacingEvery("\r", with: " ")
    }
}
