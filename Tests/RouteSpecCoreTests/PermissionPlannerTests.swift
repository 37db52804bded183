import Foundation
import Testing
@testable import RouteSpecCore
import RouteSpecShared

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

/// Grants held against the routes an app calls, and the tokens they come from.
@Suite struct GrantAuditTests {
    /// Two pages: reading a user (User.Read < User.ReadWrite < Directory.Read.All), sending mail
    /// (Mail.Send and User.Read together; application not supported).
    static func model() throws -> Model {
        let read = page(title: "# <a name=\"get-user\"></a>Get user", permissions: oldTable, http: "```http\nGET /me\n```")
        let send = page(title: "# <a name=\"send-mail\"></a>Send mail", permissions: """
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account)|Mail.Send and User.Read|
        |Delegated (personal Microsoft account)|Mail.Send|
        |Application|Not supported.|
        """, http: "```http\nPOST /me/sendMail\n```")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-grant-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (name, text) in ["user-get.md": read, "user-sendmail.md": send] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        return try Compiler(options: .init(threads: 1)).compile(paths: [root]).model
    }

    func audit(_ granted: [String], _ scheme: SchemeKind = .delegatedWork) throws -> GrantAudit {
        let plan = PermissionPlanner(model: try Self.model(), apiVersion: .v1).plan(["GET /me", "POST /me/sendMail"].compactMap(PermissionPlanner.Request.init(line:)))
        return GrantAudit(plan: plan, scheme: scheme, granted: granted)
    }

    @Test func theMinimalGrantIsClean() throws {
        let a = try audit(["Mail.Send", "User.Read"])
        #expect(a.isClean && a.add.isEmpty && a.remove.isEmpty)
    }

    @Test func anOverBroadGrantNamesWhatNoRouteNeeds() throws {
        let a = try audit(["Mail.Send", "User.Read", "Mail.ReadWrite", "User.ReadWrite"])
        // User.ReadWrite would also meet GET /me, but User.Read, which sending mail needs anyway, already does.
        #expect(a.overPrivileged == ["Mail.ReadWrite", "User.ReadWrite"])
        #expect(a.missing.isEmpty && a.add.isEmpty && a.remove == ["Mail.ReadWrite", "User.ReadWrite"])
        // Without User.Read the higher permission is what meets GET /me: kept, and the combination is missing.
        let higher = try audit(["Mail.Send", "User.ReadWrite"])
        #expect(higher.overPrivileged.isEmpty)
        #expect(higher.missing.map(\.match.request.path) == ["/me/sendMail"] && higher.add == ["User.Read"])
    }

    @Test func aMissingCombinationIsAddedWhole() throws {
        let a = try audit(["Directory.Read.All"])
        #expect(a.missing.map { "\($0.match.request.method) \($0.match.request.path)" } == ["GET /me", "POST /me/sendMail"])
        #expect(a.add == ["Mail.Send", "User.Read"])
        #expect(a.overPrivileged == ["Directory.Read.All"])
    }

    @Test func anUnsupportedSchemeIsMissingWithNothingToAdd() throws {
        let a = try audit(["User.Read.All"], .application)
        #expect(a.missing.map(\.match.request.path) == ["/me/sendMail"])
        #expect(a.add.isEmpty)
        let text = PermissionPlanReport.text(a)
        #expect(text.contains("missing: POST /me/sendMail needs a scheme it does not support"))
    }

    /// JWTs as Entra issues them: `scp` for delegated tokens, `roles` for application tokens.
    @Test func tokensGiveTheirClaims() throws {
        func jwt(_ payload: String) -> String {
            let b64 = Data(payload.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            return "eyJhbGciOiJSUzI1NiJ9." + b64 + ".c2lnbmF0dXJl"
        }
        let delegated = try TokenClaims(jwt: "Bearer " + jwt(#"{"aud":"00000003-0000-0000-c000-000000000000","scp":"Mail.Send User.Read openid"}"#))
        #expect(delegated.delegated == ["Mail.Send", "User.Read", "openid"] && delegated.application.isEmpty)
        let app = try TokenClaims(jwt: jwt(#"{"roles":["User.Read.All","Mail.Send"]}"#))
        #expect(app.application == ["User.Read.All", "Mail.Send"] && app.delegated.isEmpty)
        #expect(throws: TokenClaims.Failure.self) { try TokenClaims(jwt: "not.a-token") }
    }

    /// A higher permission one route needs covers another: the plan holds one name, not two.
    @Test func oneHigherPermissionCoversSeveralRoutes() throws {
        let plan = PermissionPlanner(model: try Self.model(), apiVersion: .v1).plan(["GET /me", "POST /me/sendMail"].compactMap(PermissionPlanner.Request.init(line:)))
        #expect(plan.schemes.first { $0.scheme == .delegatedWork }?.permissions == ["Mail.Send", "User.Read"])
        #expect(plan.schemes.first { $0.scheme == .delegatedPersonal }?.impossible.map(\.match.request.path) == ["/me"])
        let json = PermissionPlanReport.json(plan, audit: nil).serialized()
        #expect(json.contains("\"alternatives\": [") && json.contains("\"source\": \"user-get.md:"))
    }

    /// A route the docs do not have: the nearest documented one is named.
    @Test func anUnmatchedRouteNamesTheNearestDocumentedOne() throws {
        let plan = PermissionPlanner(model: try Self.model(), apiVersion: .v1).plan(["GET /me/sendMail", "GET /groups"].compactMap(PermissionPlanner.Request.init(line:)))
        #expect(plan.unmatched.count == 2)
        #expect(plan.nearest == ["POST /me/sendMail", nil])
        #expect(PermissionPlanReport.text(plan).contains("- `GET /me/sendMail` → no documented route matches; nearest: `POST /me/sendMail`"))
    }
}
