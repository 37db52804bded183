import Foundation
import Testing
import RouteSpecShared
@testable import RouteSpecCore

/// Pages with several permission tables: each route gets its table by language-independent
/// evidence, and where the requirement depends on the request the tables become variants.
@Suite struct PermissionVariantTests {
    static let memberMatrix = """
    | Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) | Application |
    |:---|:---|:---|:---|
    | [device](../resources/device.md) | GroupMember.ReadWrite.All and Device.ReadWrite.All | Not supported. | GroupMember.ReadWrite.All and Device.ReadWrite.All |
    | [orgContact](../resources/device.md) | GroupMember.ReadWrite.All and OrgContact.Read.All | Not supported. | GroupMember.ReadWrite.All and OrgContact.Read.All |
    | [user](../resources/user.md) | GroupMember.ReadWrite.All and User.ReadWrite.All | Not supported. | GroupMember.ReadWrite.All and User.ReadWrite.All |
    """

    @Test func oneRouteUnderAMatrixHasOneVariantPerRow() throws {
        let model = try compilePage(page(permissions: Self.memberMatrix, http: "```http\nPOST /groups/{group-id}/members/$ref\n```"))
        let op = try #require(model.operations.first)
        #expect(op.permissions == nil)
        #expect(op.permissionVariants.map(\.condition) == ["device", "orgContact", "user"])
        #expect(op.permissionVariants[2].permissions.application?.alternatives == [["GroupMember.ReadWrite.All", "User.ReadWrite.All"]])
        #expect(model.diagnostics.contains { $0.code == "permission-variants" && $0.severity == .note })
        let json = op.json().serialized()
        #expect(json.contains("\"permissionVariants\": [") && json.contains("\"condition\": \"orgContact\""))
        #expect(!json.contains("\n  \"permissions\""))
        // Read back, the model keeps them.
        let reread = try ModelReader.read(Array(model.json().serialized().utf8))
        #expect(reread.operations.first?.permissionVariants == op.permissionVariants)
    }

    /// Translated labels: the English name of the resource comes from the link's target.
    @Test func translatedRowsAreNamedByTheirLinkTarget() throws {
        let matrix = Self.memberMatrix
            .replacingOccurrences(of: "[device](../resources/device.md)", with: "[устройство](../resources/device.md)")
            .replacingOccurrences(of: "[user](../resources/user.md)", with: "[Пользователь](../resources/user.md)")
            .replacingOccurrences(of: "[orgContact](../resources/device.md)", with: "[组织联系人](../resources/orgcontact.md)")
        let model = try compilePage(page(permissions: matrix, http: "```http\nPOST /groups/{id}/members/$ref\n```"))
        #expect(model.operations.first?.permissionVariants.map(\.condition) == ["device", "orgcontact", "user"])
    }

    /// Tables under headings, one route (a deleted item of any kind): the headings' anchors name the variants.
    @Test func headedTablesOverOneRouteAreVariantsNamedByAnchor() throws {
        let one = "|Тип разрешения|Разрешения|\n|:---|:---|\n|Делегированные (рабочая или учебная учетная запись)|%@|\n|Делегированные (личная учетная запись Майкрософт)|Не поддерживается.|\n|Для приложений|%@|"
        let tables = """
        ### <a name="for-users"></a>Для пользователей:

        \(String(format: one, "User.Read.All", "User.Read.All"))

        ### <a name="for-groups"></a>Для групп:

        \(String(format: one, "Group.Read.All", "Group.Read.All"))
        """
        let model = try compilePage(page(permissions: tables, http: "```http\nGET /directory/deletedItems/{id}\n```"))
        let op = try #require(model.operations.first)
        #expect(op.permissionVariants.map(\.condition) == ["for users", "for groups"])
        #expect(op.permissionVariants[1].permissions.delegatedWork?.leastPrivileged == ["Group.Read.All"])
    }

    /// Several routes: the table whose permission names grant the route's resource, the owner
    /// nearest the start of the path first (`/groups/{id}/calendar` is the group's).
    @Test func routesAreToldApartByTheResourcesTheirPermissionsGrant() throws {
        let matrix = """
        | Календарь | Делегированные (рабочая или учебная учетная запись) | Делегированное (личная учетная запись Майкрософт) | Приложение |
        |:-----|:-----|:-----|:-----|
        | календарь пользователя | Calendars.Read | Calendars.Read | Calendars.Read |
        | календарь группы | Group.Read.All | Не поддерживается. | Не поддерживается. |
        """
        let model = try compilePage(page(permissions: matrix, http: "```http\nGET /me/calendar\nGET /users/{id}/calendars/{calendar-id}\nGET /groups/{id}/calendar\n```"))
        let op = try #require(model.operations.first)
        let least = Dictionary(uniqueKeysWithValues: op.routes.map { r in (r.path, op.requirements(of: r).map { $0.permissions?.delegatedWork?.leastPrivileged ?? [] }) })
        #expect(least["/me/calendar"] == [["Calendars.Read"]])
        #expect(least["/users/{id}/calendars/{calendar-id}"] == [["Calendars.Read"]])
        #expect(least["/groups/{id}/calendar"] == [["Group.Read.All"]])
        #expect(!model.diagnostics.contains { $0.code == "permission-tables-unmatched" })
    }

    /// A route no table names, beside routes that are told apart: it keeps every table as a variant, with a warning.
    @Test func aRouteNoTableFitsKeepsThemAllAsVariants() throws {
        let tables = """
        ### <a name="user"></a>user

        \(oldTable)

        ### <a name="group"></a>group

        \(oldTable.replacingOccurrences(of: "User.", with: "Group."))
        """
        let model = try compilePage(page(permissions: tables, http: "```http\nGET /users/{id}/extensions\nGET /groups/{id}/extensions\nGET /devices/{id}/extensions\n```"))
        let op = try #require(model.operations.first)
        let device = try #require(op.routes.first { $0.path.hasPrefix("/devices") })
        #expect(device.permissionVariants.map(\.condition) == ["user", "group"])
        #expect(op.routes.filter { $0.permissionVariants.isEmpty }.count == 2)
        let warning = try #require(model.diagnostics.first { $0.code == "permission-tables-unmatched" })
        #expect(warning.severity == .warning && warning.message.contains("GET /devices/{id}/extensions"))
    }

    @Test func generatedRoutesCarryTheirVariants() throws {
        let model = try compilePage(page(permissions: Self.memberMatrix, http: "```http\nPOST /groups/{group-id}/members/$ref\n```"))
        let files = SwiftRouteGenerator().generate(model)
        let text = files.map(\.contents).joined()
        #expect(text.contains("depending on the request (`allows(_:granted:variant:)`):"))
        #expect(text.contains("?orgContact"))
        #expect(text.contains("GraphPermission(\"OrgContact.Read.All\")"))
    }

    @Test func theRuntimeChecksAVariantOrEveryVariant() throws {
        let user = PermissionRequirement(leastPrivileged: ["GroupMember.ReadWrite.All", "User.ReadWrite.All"].map { GraphPermission($0) },
                                         combinations: [["GroupMember.ReadWrite.All", "User.ReadWrite.All"].map { GraphPermission($0) }])
        let device = PermissionRequirement(leastPrivileged: ["GroupMember.ReadWrite.All", "Device.ReadWrite.All"].map { GraphPermission($0) },
                                           combinations: [["GroupMember.ReadWrite.All", "Device.ReadWrite.All"].map { GraphPermission($0) }])
        let permissions = RoutePermissions(delegatedWork: nil, delegatedPersonal: nil, application: nil, variants: [
            RoutePermissions.Variant(condition: "user", permissions: RoutePermissions(delegatedWork: nil, delegatedPersonal: nil, application: user)),
            RoutePermissions.Variant(condition: "device", permissions: RoutePermissions(delegatedWork: nil, delegatedPersonal: nil, application: device)),
        ])
        let granted: Set<GraphPermission> = [GraphPermission("GroupMember.ReadWrite.All"), GraphPermission("User.ReadWrite.All")]
        #expect(permissions.allows(PermissionScheme.application, granted: granted, variant: "user"))
        #expect(!permissions.allows(PermissionScheme.application, granted: granted, variant: "device"))
        #expect(!permissions.allows(PermissionScheme.application, granted: granted))
        #expect(!permissions.allows(PermissionScheme.application, granted: granted, variant: "printer"))
        let row = RouteRow(name: "add", method: "POST", template: "/groups/{id}/members/$ref", line: 3, operationID: "v1.0/x", operationName: "x",
                           expectedStatuses: [204], source: "a.md", operationPermissions: permissions,
                           routePermissions: RoutePermissions(delegatedWork: .unsupported, delegatedPersonal: nil, application: nil,
                                                              variants: [RoutePermissions.Variant(condition: "a\tb?", permissions: .undocumented)]))
        #expect(RouteRow(decoding: row.encoded) == row)
    }

    @Test func diffReportsVariantsAddedAndChanged() throws {
        let twoRows = Self.memberMatrix.split(separator: "\n").filter { !$0.contains("orgContact") }.joined(separator: "\n")
        let before = try compilePage(page(permissions: twoRows, http: "```http\nPOST /groups/{id}/members/$ref\n```"))
        let after = try compilePage(page(permissions: Self.memberMatrix, http: "```http\nPOST /groups/{id}/members/$ref\n```"))
        let changes = SemanticDiff.compare(old: before, new: after)
        #expect(changes.map { "\($0.impact.rawValue) \($0.kind.rawValue) \($0.variant ?? "-")" } == ["widening variant-added orgContact"])
        #expect(changes.first?.summary == "[orgContact] permission variant added (least privileged `GroupMember.ReadWrite.All`, `OrgContact.Read.All`)")
    }

    @Test func permissionsArePlannedPerVariant() throws {
        let model = try compilePage(page(permissions: Self.memberMatrix, http: "```http\nPOST /groups/{id}/members/$ref\n```"))
        let every = PermissionPlanner(model: model, apiVersion: .v1).plan([try #require(.init(line: "POST /groups/g1/members/$ref"))])
        let app = try #require(every.schemes.first { $0.scheme == .application })
        #expect(app.permissions == ["Device.ReadWrite.All", "GroupMember.ReadWrite.All", "OrgContact.Read.All", "User.ReadWrite.All"])
        #expect(PermissionPlanReport.text(every).contains("depends on the request; planned for every variant"))
        let user = PermissionPlanner(model: model, apiVersion: .v1).plan([try #require(.init(line: "POST /groups/g1/members/$ref [user]"))])
        #expect(user.schemes.first { $0.scheme == .application }?.permissions == ["GroupMember.ReadWrite.All", "User.ReadWrite.All"])
        let none = PermissionPlanner(model: model, apiVersion: .v1).plan([try #require(.init(line: "POST /groups/g1/members/$ref [printer]"))])
        #expect(none.matches.isEmpty && none.unmatched.count == 1)
        #expect(!PermissionPlanReport.text(none).contains("no permission needed"))
    }
}
