import Foundation
import Testing
@testable import RouteSpecCore

/// `routespec permissions`: the smallest least-privileged set per scheme, and what forces more.
@Suite struct PermissionPlannerTests {
    func plan(_ routes: [String], _ model: Model, _ version: ApiVersion = .v1) -> PermissionPlanner.Plan {
        PermissionPlanner(model: model, apiVersion: version).plan(routes.compactMap(PermissionPlanner.Request.init(line:)))
    }

    func text(_ s: PermissionPlanner.SchemePlan) -> String {
        s.impossible.isEmpty ? s.permissions.joined(separator: ", ") : "impossible"
    }

    @Test func aHigherPermissionOneRouteNeedsCoversTheOthers() throws {
        let readMe = page(title: "# <a name=\"get-user\"></a>Get user", permissions: oldTable, http: "```http\nGET /me\nGET /users/{id}\n```")
        let manager = page(title: "# <a name=\"list-manager\"></a>List manager", permissions: """
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account)|User.ReadWrite, Directory.Read.All|
        |Delegated (personal Microsoft account)|Not supported.|
        |Application|User.Read.All, Directory.Read.All|
        """, http: "```http\nGET /users/{id}/manager\n```")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-plan-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (name, text) in ["user-get.md": readMe, "user-list-manager.md": manager] {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        let model = try Compiler(options: .init(threads: 1)).compile(paths: [root]).model
        let p = plan(["GET /v1.0/users/42", "GET /users/42/manager?$select=id", "GET /me", "DELETE /me"], model)
        #expect(p.matches.count == 3 && p.unmatched.map(\.method) == ["DELETE"])
        let work = p.schemes.first { $0.scheme == .delegatedWork }!
        #expect(text(work) == "User.ReadWrite")
        #expect(work.beyondLeast.map { $0.need.match.request.path } == ["/v1.0/users/42", "/me"])
        #expect(text(p.schemes.first { $0.scheme == .delegatedPersonal }!) == "impossible")
        #expect(text(p.schemes.first { $0.scheme == .application }!) == "User.Read.All")
    }

    /// Ten routes an app commonly calls, against the real Russian pages; the expected sets were
    /// checked by hand against each page's permission table (README, "routespec permissions").
    @Test(.enabled(if: TestPaths.sharedIsPresent, TestPaths.absent)) func tenCommonRoutesAgainstTheRussianCorpus() throws {
        let shared = try #require(TestPaths.shared)
        let model = try Compiler().compile(paths: [shared + "/corpus/ru-RU"]).model
        let p = plan(["GET /me", "GET /me/messages", "POST /me/sendMail", "GET /me/events", "POST /me/events", "GET /users/{id}",
                      "GET /groups", "GET /me/joinedTeams", "GET /users/{id}/manager", "GET /me/drive/items/{item-id}/children"], model)
        #expect(p.unmatched.isEmpty)
        #expect(p.matches.map { $0.operation.id.split(separator: "/").last! } == [
            "user-get", "user-list-messages", "user-sendmail", "user-list-events", "user-post-events", "user-get", "group-list",
            "user-list-joinedteams", "user-list-manager", "driveitem-list-children",
        ])
        let sets = Dictionary(uniqueKeysWithValues: p.schemes.map { ($0.scheme, text($0)) })
        #expect(sets[.delegatedWork] == "Calendars.ReadWrite, Files.Read, GroupMember.Read.All, Mail.ReadBasic, Mail.Send, User.Read.All")
        #expect(sets[.delegatedPersonal] == "impossible")
        #expect(sets[.application] == "Calendars.ReadWrite, Files.Read.All, GroupMember.Read.All, Mail.ReadBasic.All, Mail.Send, User.Read.All")
        let forced = p.schemes.first { $0.scheme == .delegatedWork }!.beyondLeast.map { "\($0.need.match.request.method) \($0.need.match.request.path)" }
        #expect(forced == ["GET /me", "GET /me/events", "GET /users/{id}", "GET /me/joinedTeams"])
    }
}
