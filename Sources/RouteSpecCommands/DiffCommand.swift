import Foundation
import RouteSpecCore

/// `routespec diff OLD NEW [--format markdown|json] [--fail-on widening|narrowing|any] [--catalog FILE]`.
enum DiffCommand {
    static let definition = CommandDefinition(
        name: "diff",
        help: """
          diff OLD NEW [--format markdown|json] [--fail-on widening|narrowing|any] [--catalog FILE] [--output FILE]
              What changed between two models or page folders, per operation and route: routes,
              methods, status codes and permissions per scheme, classified widening / narrowing /
              neutral (widening first; routes of one operation that change alike are one line).
              --fail-on exits 1 when such a change exists (CI gates).

        """,
        valueOptions: ["format", "fail-on", "catalog", "output"],
        flagOptions: [],
        run: run)

    static func run(_ parsed: ParsedArguments, _ console: Console) -> Int32 {
        guard parsed.positionals.count == 2 else { return definition.fail("diff takes OLD and NEW (model files or page folders)", console) }
        let format = parsed.values["format"] ?? "markdown"
        guard ["markdown", "json"].contains(format) else { return definition.fail("--format is markdown or json", console) }
        let failOn = parsed.values["fail-on"]
        guard failOn == nil || ["widening", "narrowing", "any"].contains(failOn!) else {
            return definition.fail("--fail-on is widening, narrowing or any", console)
        }
        let (oldPath, newPath) = (parsed.positionals[0], parsed.positionals[1])
        let old: Model, new: Model
        var inputErrors = false
        do {
            let (o, oldErrors) = try CommandLineTool.loadModel(oldPath, console: console)
            let (n, newErrors) = try CommandLineTool.loadModel(newPath, console: console)
            (old, new, inputErrors) = (o, n, oldErrors || newErrors)
        } catch {
            return definition.fail(ErrorText.describe(error), console)
        }
        let changes = SemanticDiff.compare(old: old, new: new)
        var text = format == "json" ? DiffReport.json(changes, old: oldPath, new: newPath).serialized()
            : DiffReport.markdown(changes, old: oldPath, new: newPath)
        if let catalogPath = parsed.values["catalog"] {
            do {
                let catalog = try PermissionCatalog.load(path: catalogPath)
                // Only names the change brings in: those are what a reviewer must check.
                let added = Set(changes.filter { $0.impact == .widening }.flatMap(\.after))
                let unknown = added.filter { !catalog.names.contains($0) && !$0.contains(" ") }.sorted()
                let check = CatalogCheck(catalog: catalog)
                if !unknown.isEmpty && format == "markdown" {
                    text += "\n### Permission names not in the catalog\n\n" + unknown.map { name in
                        "- `\(name)`" + (check.suggestion(for: name).map { ": did you mean `\($0)`?" } ?? "")
                    }.joined(separator: "\n") + "\n"
                }
                for name in unknown {
                    console.error("routespec: warning: '\(name)' is not in the permission catalog [permission-unknown]\n")
                }
            } catch {
                return definition.fail(ErrorText.describe(error), console)
            }
        }
        if let output = parsed.values["output"] {
            do { try AtomicFile.write(Array(text.utf8), to: output) } catch {
                console.error("routespec: cannot write \(output): \(ErrorText.describe(error))\n")
                return 2
            }
        } else {
            console.output(text)
        }
        if inputErrors { return 1 }
        switch failOn {
        case "widening": return changes.contains { $0.impact == .widening } ? 1 : 0
        case "narrowing": return changes.contains { $0.impact == .narrowing } ? 1 : 0
        case "any": return changes.isEmpty ? 0 : 1
        default: return 0
        }
    }
}
