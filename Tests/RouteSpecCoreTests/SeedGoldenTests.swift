import Foundation
import Testing
@testable import RouteSpecCore

/// The five seed pages in `spec/` compile to exactly the model the project was born to produce.
@Suite struct SeedGoldenTests {
    let model: Model

    init() throws {
        model = try Compiler(options: .init(threads: 2)).compile(paths: [TestPaths.spec]).model
    }

    @Test func matchesGoldenFile() throws {
        let golden = TestPaths.golden + "/spec-model.json"
        let actual = model.json().serialized()
        if ProcessInfo.processInfo.environment["ROUTESPEC_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(actual == expected, "spec/ output differs from Golden/spec-model.json (ROUTESPEC_UPDATE_GOLDEN=1 rewrites it)")
    }

    @Test func threeOperationsWithTheirSources() throws {
        let summary = model.operations.map { op in
            "\(op.apiVersion.rawValue) \(op.name) \(op.routes.count) \(op.sources.map(\.locale).sorted().joined(separator: "+"))"
        }
        #expect(summary == [
            "v1.0 recoverPasscode 3 ru-RU",
            "v1.0 resetPasscode 3 pt-BR+ru-RU",
            "beta resetPasscode 5 es-ES+zh-CN",
        ])
    }

    /// The seeds misspell the permission; tokens carry the catalog's spelling, which the model
    /// uses, keeping the docs' in `docsSpelling`.
    @Test func permissionsAndStatus() throws {
        let docs = "DeviceManagementManagedDevices.PriviligedOperation.All", name = "DeviceManagementManagedDevices.PrivilegedOperations.All"
        var expected = Scheme(supported: true, leastPrivileged: [name])
        expected.docsSpelling = [name: docs]
        #expect(expected.alternatives == [[name]])
        for op in model.operations {
            #expect(op.permissions?.delegatedWork == expected)
            #expect(op.permissions?.application == expected)
            #expect(op.permissions?.delegatedPersonal == .unsupported)
            #expect(op.responses.map(\.status) == [204])
            #expect(op.routes.allSatisfy { $0.method == "POST" })
        }
    }

    @Test func withoutAVocabularyTheDocsSpellingStays() throws {
        let plain = try Compiler(options: .init(threads: 1, vocabulary: nil)).compile(paths: [TestPaths.spec]).model
        #expect(plain.operations.allSatisfy { $0.permissions?.application?.leastPrivileged == ["DeviceManagementManagedDevices.PriviligedOperation.All"] })
        #expect(!plain.diagnostics.contains { $0.code == "permission-name-repaired" })
    }

    @Test func betaDriftIsReported() throws {
        let drift = model.diagnostics.filter { $0.code == "translation-drift" }
        #expect(drift.count == 1)
        let d = try #require(drift.first)
        #expect(d.severity == .warning)
        #expect(d.path == "es-ES/resetpasscode-beta.md")
        #expect(d.message.contains("zh-CN/resetpasscode-beta.md"))
        #expect(d.message.contains("application: not supported here"))
        #expect(d.message.contains("routes only in this page"))
    }

    @Test func committedModelIsUpToDate() throws {
        let committed = try String(contentsOfFile: TestPaths.packageRoot + "/generated/model.json", encoding: .utf8)
        #expect(committed == model.json().serialized(), "generated/model.json is stale: run `swift run routespec`")
    }
}
