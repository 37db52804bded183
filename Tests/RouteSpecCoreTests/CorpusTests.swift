import Foundation
import Testing
@testable import RouteSpecCore

/// Real pages at scale, from `../shared/corpus` when present (skipped with a message otherwise).
@Suite(.serialized) struct CorpusTests {
    struct Measures: CustomStringConvertible {
        var pages = 0, withRequestSection = 0, withRoutes = 0, tables = 0, tablesAllSchemes = 0
        var badNames: Set<String> = []
        var unaccounted: [String] = []
        var description: String {
            "pages \(pages), request sections \(withRequestSection), with routes \(withRoutes), tables \(tables), all schemes \(tablesAllSchemes), bad names \(badNames.count), unaccounted \(unaccounted.count)"
        }
    }

    func measure(_ corpus: String) throws -> Measures {
        let pages = try PageDiscovery.pages(under: [corpus])
        let model = Compiler().compile(pages: pages).model
        var m = Measures(pages: pages.count)
        var byPath: [String: APIOperation] = [:]
        for op in model.operations { for s in op.sources { byPath[s.path] = op } }
        let withDiagnostics = Set(model.diagnostics.map(\.path))
        for page in pages {
            let text = (try? String(contentsOfFile: page.absolutePath, encoding: .utf8)) ?? ""
            if text.contains("<a name=\"http-request") || text.range(of: "\n## HTTP request", options: .caseInsensitive) != nil {
                m.withRequestSection += 1
                if byPath[page.relativePath]?.routes.isEmpty == false { m.withRoutes += 1 }
            }
            if byPath[page.relativePath] == nil && !withDiagnostics.contains(page.relativePath) { m.unaccounted.append(page.relativePath) }
        }
        for op in model.operations {
            let sets = [op.permissions] + op.routes.map(\.permissions)
            if let p = op.permissions {
                m.tables += 1
                if p.hasAllSchemes { m.tablesAllSchemes += 1 }
            }
            for set in sets.compactMap({ $0 }) {
                for kind in SchemeKind.allCases {
                    for name in set[kind]?.allNames ?? [] where !PermissionName.isWellFormed(name) { m.badNames.insert(name) }
                }
            }
        }
        return m
    }

    @Test(.enabled(if: TestPaths.sharedIsPresent, TestPaths.absent), arguments: ["ru-RU", "ru-RU-sxs", "en-US-sample"])
    func corpusMeetsTheBars(name: String) throws {
        let shared = try #require(TestPaths.shared)
        let m = try measure(shared + "/corpus/" + name)
        print("corpus \(name): \(m)")
        #expect(Double(m.withRoutes) >= 0.999 * Double(m.withRequestSection), "\(m)")
        #expect(Double(m.tablesAllSchemes) >= 0.995 * Double(m.tables), "\(m)")
        #expect(m.badNames.isEmpty, "\(m.badNames.sorted().prefix(10))")
        #expect(m.unaccounted.isEmpty, "\(m.unaccounted.prefix(10))")
    }
}
