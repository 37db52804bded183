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
            lines += ["", "### \(headings[impact]!)", "", "| Operation | Routes | Change |", "|---|---|---|"]
            for row in rows(changes.filter { $0.impact == impact }) {
                let operation = "\(row.apiVersion) `\(cell(row.operation))`"
                lines.append("| \(operation) | \(routesCell(row.routes)) | \(cell(changeText(row.changes))) |")
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
                if let v = c.variant { o["variant"] = .string(v) }
                return .object(o)
            }),
        ])
    }

    /// One table row: the routes of one operation whose changes (of one impact) are the same.
    struct Row {
        var apiVersion: String
        var operation: String
        /// Empty: the change applies to every route of the operation.
        var routes: [String]
        /// The first route's changes (the others' are the same).
        var changes: [APIChange]
    }

    /// Groups ordered changes: per operation, each route's changes; routes with the same changes
    /// share a row, placed where the first of them was.
    static func rows(_ changes: [APIChange]) -> [Row] {
        var perRoute: [(key: [String], changes: [APIChange])] = []
        var index: [[String]: Int] = [:]
        for c in changes {
            let key = [c.apiVersion, c.operationID, c.route ?? ""]
            if let i = index[key] { perRoute[i].changes.append(c) } else {
                index[key] = perRoute.count
                perRoute.append((key, [c]))
            }
        }
        var rows: [Row] = []
        var rowOf: [[String]: Int] = [:]
        let names = Dictionary(changes.map { ($0.operationID, $0.operationName.isEmpty ? $0.operationID : $0.operationName) }, uniquingKeysWith: { a, _ in a })
        for (key, routeChanges) in perRoute {
            let rowKey = [key[0], key[1], key[2].isEmpty ? "all" : "some"] + routeChanges.map(\.summary)
            if let i = rowOf[rowKey] { rows[i].routes.append(key[2]) } else {
                rowOf[rowKey] = rows.count
                rows.append(Row(apiVersion: key[0], operation: names[key[1]] ?? key[1], routes: key[2].isEmpty ? [] : [key[2]], changes: routeChanges))
            }
        }
        return rows
    }

    /// The changes of a row, each scheme named once: "application: now supported (…); permission added: `X`".
    static func changeText(_ changes: [APIChange]) -> String {
        var parts: [String] = []
        var lastScheme: SchemeKind? = nil
        var lastVariant: String? = nil
        for c in changes {
            let newGroup = c.variant != lastVariant || c.scheme != lastScheme || c.scheme == nil
            parts.append(newGroup ? c.summary : c.detail)
            lastScheme = c.scheme
            lastVariant = c.variant
        }
        return parts.joined(separator: "; ")
    }

    /// One route as code; a few on lines of their own; many folded under their count.
    private static func routesCell(_ routes: [String]) -> String {
        let listed = routes.map { "`\(cell($0))`" }.joined(separator: "<br>")
        switch routes.count {
        case 0: return "all routes"
        case 1...3: return listed
        default: return "<details><summary>\(routes.count) routes</summary>\(listed)</details>"
        }
    }

    /// Table cells: a `|` or a line break from the docs must not break the table.
    private static func cell(_ s: String) -> String {
        s.replacingEvery("|", with: "\\|").replacingEvery("\n", with: " ").replacingEvery("\r", with: " ")
    }
}
