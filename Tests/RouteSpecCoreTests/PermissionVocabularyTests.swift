import Foundation
import Testing
@testable import RouteSpecCore

/// Permission names as tokens carry them: repaired to the vocabulary where one name is clearly
/// meant (docs spelling kept, a warning), never promoted past an unreadable first item, and
/// listed as `alternatives`.
@Suite struct PermissionVocabularyTests {
    func scheme(_ cell: String, locale: String = "ru-RU", vocabulary: PermissionVocabulary? = .published) throws -> (Scheme, [Diagnostic]) {
        let table = """
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account)|\(cell)|
        |Delegated (personal Microsoft account)|Not supported.|
        |Application|Not supported.|
        """
        let text = page(permissions: table, http: "```http\nGET /teams/{id}/photo\n```").replacingOccurrences(of: "ms.contentlocale: en-US", with: "ms.contentlocale: \(locale)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-vocabulary-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/page.md"))
        let model = try Compiler(options: .init(threads: 1, vocabulary: vocabulary)).compile(paths: [root]).model
        return (try #require(model.operations.first?.permissions?.delegatedWork), model.diagnostics)
    }

    @Test func dotsLostAreRepairedInTheirPlace() throws {
        let (s, diagnostics) = try scheme("TeamReadBasicAll, TeamSettingsReadAll, TeamSettingsReadWriteAll")
        #expect(s.leastPrivileged == ["Team.ReadBasic.All"])
        #expect(s.higherPrivileged == ["TeamSettings.Read.All", "TeamSettings.ReadWrite.All"])
        #expect(s.unparsed.isEmpty)
        #expect(s.docsSpelling["Team.ReadBasic.All"] == "TeamReadBasicAll")
        let repairs = diagnostics.filter { $0.code == "permission-name-repaired" }
        #expect(repairs.count == 3 && repairs.allSatisfy { $0.severity == .warning })
        #expect(repairs.first?.message == "'TeamReadBasicAll' is not a published permission name; read as 'Team.ReadBasic.All' (dots lost or misplaced)")
        #expect(!diagnostics.contains { $0.code == "unparsed-permission" })
    }

    @Test func typosCaseAndGluedWordsAreRepaired() throws {
        let (typo, _) = try scheme("Calendar.Read, Calls.JoinGroupCalls.All", locale: "es-ES")
        #expect(typo.leastPrivileged == ["Calendars.Read"])
        #expect(typo.higherPrivileged == ["Calls.JoinGroupCall.All"])
        let (glued, diagnostics) = try scheme("doUser.Read.All", locale: "pt-BR")
        #expect(glued.leastPrivileged == ["User.Read.All"])
        #expect(diagnostics.contains { $0.message.hasSuffix("read as 'User.Read.All' (a word glued before it)") })
        let (lower, _) = try scheme("user.read", locale: "de-DE")
        #expect(lower.leastPrivileged == ["User.Read"])
    }

    @Test func fullWidthDotsInsideNamesAreRead() throws {
        let (s, diagnostics) = try scheme("Bookings。Read.All、Bookings．ReadWrite.All", locale: "zh-CN")
        #expect(s.allNames == ["Bookings.Read.All", "Bookings.ReadWrite.All"])
        #expect(diagnostics.contains { $0.code == "permission-name-repaired" && $0.severity == .warning && $0.message.contains("Bookings。Read.All") })
    }

    @Test func anUnknownNameWithoutAClearMatchStaysAsWritten() throws {
        let (s, diagnostics) = try scheme("EduAdministration.ReadWrite")
        #expect(s.leastPrivileged == ["EduAdministration.ReadWrite"])
        #expect(s.docsSpelling.isEmpty)
        #expect(diagnostics.contains { $0.code == "permission-name-unknown" && $0.severity == .note })
    }

    @Test func anUnreadableFirstItemLeavesLeastPrivilegedUnknown() throws {
        let (s, diagnostics) = try scheme("Для ресурса user, User.Read.All, User.ReadWrite.All")
        #expect(s.leastPrivileged.isEmpty)
        #expect(s.higherPrivileged == ["User.Read.All", "User.ReadWrite.All"])
        #expect(s.incomplete)
        #expect(s.unparsed == ["Для ресурса user"])
        let warning = try #require(diagnostics.first { $0.code == "least-privileged-unknown" })
        #expect(warning.severity == .warning)
        #expect(s.json().serialized().contains("\"incomplete\": true"))
    }

    @Test func alternativesListCombinationsAsOne() throws {
        let (s, _) = try scheme("Policy.Read.All and Policy.ReadWrite.ConditionalAccess, Directory.Read.All", locale: "en-US")
        #expect(s.alternatives == [["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"], ["Directory.Read.All"]])
        let (plain, _) = try scheme("User.Read, User.ReadWrite")
        #expect(plain.alternatives == [["User.Read"], ["User.ReadWrite"]])
    }

    @Test func aGivenCatalogIsTheVocabulary() throws {
        let catalog = try PermissionCatalog(json: JSONParser.parse(Array(#"{"permissions": {"Widget.Read.All": {"schemes": {"Application": {}}}}}"#.utf8)))
        let vocabulary = PermissionVocabulary(catalog: catalog)
        #expect(vocabulary.schemes == ["Widget.Read.All": [.application]])
        let (s, _) = try scheme("WidgetReadAll", vocabulary: vocabulary)
        #expect(s.leastPrivileged == ["Widget.Read.All"])
        #expect(PermissionVocabulary.published.schemes["User.Read"] == [.delegatedWork, .delegatedPersonal])
        #expect(PermissionVocabulary.published.schemes.count > 900)
    }

    /// A page whose permission include is missing takes the catalog's requirement for its routes.
    @Test func aMissingIncludeIsFilledFromTheCatalog() throws {
        let catalogJSON = #"""
        {"permissions": {
          "User.Read": {"schemes": {"DelegatedWork": {}, "DelegatedPersonal": {}},
                        "pathSets": [{"schemeKeys": ["DelegatedWork", "DelegatedPersonal"], "methods": ["GET"], "paths": {"/me": "least=DelegatedWork,DelegatedPersonal"}}]},
          "User.ReadWrite": {"schemes": {"DelegatedWork": {}},
                        "pathSets": [{"schemeKeys": ["DelegatedWork"], "methods": ["GET"], "paths": {"/me": ""}}]}
        }}
        """#
        let catalog = try PermissionCatalog(json: JSONParser.parse(Array(catalogJSON.utf8)))
        let text = page(permissions: "[!INCLUDE [permissions-table](../includes/permissions/user-get-permissions.md)]", http: "```http\nGET /me\n```")
        var model = try compilePage(text, path: "v1.0/api/user-get.md")
        #expect(model.operations.first?.permissions == nil)
        let diagnostics = CatalogFill.apply(catalog, to: &model)
        let set = try #require(model.operations.first?.permissions)
        #expect(set.from == "catalog")
        #expect(set.delegatedWork?.leastPrivileged == ["User.Read"] && set.delegatedWork?.higherPrivileged == ["User.ReadWrite"])
        #expect(set.application == nil)
        #expect(diagnostics.map(\.code) == ["permissions-from-catalog"] && diagnostics[0].severity == .warning)
        #expect(model.operations[0].json().serialized().contains("\"from\": \"catalog\""))
    }
}
