import Foundation
import Testing
@testable import RouteSpecCore

/// `routespec diff` and the model reader it stands on.
@Suite struct DiffTests {
    let spanish: Model
    let chinese: Model

    init() throws {
        spanish = try Compiler(options: .init(threads: 1)).compile(paths: [TestPaths.spec + "/es-ES/resetpasscode-beta.md"]).model
        chinese = try Compiler(options: .init(threads: 1)).compile(paths: [TestPaths.spec + "/zh-CN/resetpasscode-beta.md"]).model
    }

    func golden(_ name: String, _ actual: String) throws {
        let path = TestPaths.golden + "/" + name
        if ProcessInfo.processInfo.environment["ROUTESPEC_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOfFile: path, encoding: .utf8)), "\(name) differs (ROUTESPEC_UPDATE_GOLDEN=1 rewrites it)")
    }

    /// The 2018 Spanish beta page against the 2020 Chinese one: two routes added, one removed,
    /// and application access newly supported — a widening change, listed first.
    @Test func spanishToChineseBetaSeed() throws {
        let changes = SemanticDiff.compare(old: spanish, new: chinese)
        let summary = changes.map { "\($0.impact.rawValue) \($0.kind.rawValue) \($0.scheme?.rawValue ?? "-") \($0.route ?? "all")" }
        #expect(summary == [
            "widening scheme-supported application all",
            "widening route-added - POST /deviceManagement/deviceHealthScripts/{deviceHealthScriptId}/deviceRunStates/{deviceHealthScriptDeviceStateId}/managedDevice/resetPasscode",
            "widening route-added - POST /deviceManagement/deviceManagementScripts/{deviceManagementScriptId}/deviceRunStates/{deviceManagementScriptDeviceStateId}/managedDevice/users/{userId}/managedDevices/{managedDeviceId}/resetPasscode",
            "narrowing route-removed - POST /users/{usersId}/managedDevices/{managedDeviceId}/resetPasscode",
        ])
        #expect(changes[0].after == ["DeviceManagementManagedDevices.PrivilegedOperations.All"])
        try golden("diff-es-zh.md", DiffReport.markdown(changes, old: "es-ES/resetpasscode-beta.md", new: "zh-CN/resetpasscode-beta.md"))
        try golden("diff-es-zh.json", DiffReport.json(changes, old: "es-ES/resetpasscode-beta.md", new: "zh-CN/resetpasscode-beta.md").serialized())
    }

    @Test func theReverseIsNarrowing() {
        let changes = SemanticDiff.compare(old: chinese, new: spanish)
        #expect(changes.first?.impact == .narrowing || changes.first?.impact == .widening)
        #expect(changes.contains { $0.kind == .schemeDropped && $0.scheme == .application && $0.impact == .narrowing })
        #expect(changes.filter { $0.kind == .routeRemoved }.count == 2)
    }

    @Test func aModelAgainstItselfHasNoChanges() throws {
        let model = try Compiler(options: .init(threads: 2)).compile(paths: [TestPaths.spec]).model
        #expect(SemanticDiff.compare(old: model, new: model).isEmpty)
        #expect(DiffReport.markdown([], old: "a", new: "b").contains("No route, method, status or permission changed."))
    }

    @Test func permissionChangesAreClassified() throws {
        func model(_ table: String, http: String = "```http\nGET /me\nGET /users/{id}\n```") throws -> Model {
            try compilePage(page(permissions: table, http: http))
        }
        let before = try model(oldTable)
        let wider = try model(oldTable.replacingOccurrences(of: "|User.Read, User.ReadWrite|", with: "|User.ReadBasic.All, User.Read, User.ReadWrite, Directory.Read.All|"))
        let changes = SemanticDiff.compare(old: before, new: wider)
        #expect(changes.contains { $0.kind == .permissionAdded && $0.after == ["User.ReadBasic.All", "Directory.Read.All"] && $0.route == nil })
        #expect(changes.contains { $0.kind == .leastPrivilegedChanged && $0.before == ["User.Read"] && $0.after == ["User.ReadBasic.All"] })
        #expect(changes.allSatisfy { $0.impact == .widening })
        let status = try compilePage(page(permissions: oldTable, http: "```http\nGET /me\nGET /users/{id}\n```", response: "Returns `201 Created`."))
        #expect(SemanticDiff.compare(old: before, new: status).map(\.kind) == [.statusChanged])
        let method = try model(oldTable, http: "```http\nPOST /me\nGET /users/{id}\n```")
        #expect(SemanticDiff.compare(old: before, new: method).map { "\($0.kind.rawValue) \($0.impact.rawValue)" } == ["method-changed neutral"])
    }

    /// Routes of one operation that change alike are one row: a few listed, many folded.
    @Test func routesThatChangeAlikeShareARow() throws {
        let before = try compilePage(page(permissions: oldTable, http: "```http\nGET /me\n```"))
        let few = try compilePage(page(permissions: oldTable, http: "```http\nGET /me\nGET /users/{id}\nGET /users/{id}/x\n```"))
        let many = try compilePage(page(permissions: oldTable, http: "```http\nGET /me\n" + (1...12).map { "GET /users/{id}/r\($0)" }.joined(separator: "\n") + "\n```"))
        let fewRows = DiffReport.markdown(SemanticDiff.compare(old: before, new: few), old: "a", new: "b").split(separator: "\n").filter { $0.hasPrefix("| v1.0") }
        #expect(fewRows == ["| v1.0 `getUser` | `GET /users/{id}`<br>`GET /users/{id}/x` | route added |"])
        let manyChanges = SemanticDiff.compare(old: before, new: many)
        #expect(manyChanges.count == 12)
        let manyRows = DiffReport.markdown(manyChanges, old: "a", new: "b").split(separator: "\n").filter { $0.hasPrefix("| v1.0") }
        #expect(manyRows.count == 1)
        #expect(manyRows.first?.hasPrefix("| v1.0 `getUser` | <details><summary>12 routes</summary>`GET /users/{id}/r1`<br>") == true)
        #expect(manyRows.first?.hasSuffix("`GET /users/{id}/r9`</details> | route added |") == true)
        // The JSON keeps one entry per route and change.
        guard case .object(let json) = DiffReport.json(manyChanges, old: "a", new: "b"), case .array(let entries)? = json["changes"] else {
            Issue.record("the JSON report has no changes array")
            return
        }
        #expect(entries.count == 12)
    }

    @Test func modelFilesReadBackToTheSameModel() throws {
        let model = try Compiler(options: .init(threads: 2)).compile(paths: [TestPaths.spec]).model
        let text = model.json().serialized()
        let read = try ModelReader.read(Array(text.utf8))
        #expect(read.json().serialized() == text)
        #expect(throws: (any Error).self) { try ModelReader.read(Array("{\"schemaVersion\": 99, \"operations\": []}".utf8)) }
        #expect(throws: (any Error).self) { try ModelReader.read(Array("[1, 2".utf8)) }
    }

    @Test func jsonParserReadsEscapes() throws {
        let value = try JSONParser.parse(Array(#"{"a": "\u00e9\ud83d\ude00\n\"", "b": [1, -2, 3.5, true, null]}"#.utf8))
        #expect(value["a"]?.stringValue == "é😀\n\"")
        #expect(value["b"] == .array([.int(1), .int(-2), .string("3.5"), .bool(true), .null]))
    }
}

/// `routespec drift`: v1.0 and beta side by side.
@Suite struct DriftTests {
    @Test func seedsDriftBetweenVersions() throws {
        let model = try Compiler(options: .init(threads: 1)).compile(paths: [TestPaths.spec]).model
        let report = VersionDrift.compare(model)
        #expect(report.paired == 1)
        #expect(report.onlyV1 == ["v1.0/#recoverpasscode-action"])
        let entry = try #require(report.entries.first)
        #expect(entry.onlyInV1.count == 2 && entry.onlyInBeta.count == 4, "\(entry)")
        #expect(entry.permissionDifferences.isEmpty)
        #expect(VersionDrift.markdown(report).contains("only in beta: `POST /deviceManagement/deviceHealthScripts/"))
    }
}
