import Foundation
import Testing
@testable import RouteSpecCore

@Suite struct PageTests {
    @Test func bilingualPagesTakeTheEnglishHalfAndKeepLineNumbers() throws {
        let text = """
        ---
        ms.contentlocale: zh-CN
        ---
        # <a name="get-user"></a><span data-ttu-id="a-1">获取用户</span><span class="sxs-lookup"><span data-stu-id="a-1">Get
        user</span></span>

        ## <a name="permissions"></a><span data-ttu-id="a-2">权限</span><span class="sxs-lookup"><span data-stu-id="a-2">Permissions</span></span>
        |<span data-ttu-id="a-3">权限类型</span><span class="sxs-lookup"><span data-stu-id="a-3">Permission type</span></span>|<span data-ttu-id="a-4">权限（从最高特权到最低特权）</span><span class="sxs-lookup"><span data-stu-id="a-4">Permissions (from most to least privileged)</span></span>|
        |:---|:---|
        |<span data-ttu-id="a-5">委派（工作或学校帐户）</span><span class="sxs-lookup"><span data-stu-id="a-5">Delegated (work or school account)</span></span>|<span data-ttu-id="a-6">User.ReadWrite、User.Read</span><span class="sxs-lookup"><span data-stu-id="a-6">User.ReadWrite, User.Read</span></span>|
        |<span data-ttu-id="a-7">委派（个人 Microsoft 帐户）</span><span class="sxs-lookup"><span data-stu-id="a-7">Delegated (personal Microsoft account)</span></span>|<span data-ttu-id="a-8">不支持。</span><span class="sxs-lookup"><span data-stu-id="a-8">Not supported.</span></span>|
        |<span data-ttu-id="a-9">应用程序</span><span class="sxs-lookup"><span data-stu-id="a-9">Application</span></span>|<span data-ttu-id="a-10">User.Read.All</span><span class="sxs-lookup"><span data-stu-id="a-10">User.Read.All</span></span>|

        ## <a name="http-request"></a><span data-ttu-id="a-11">HTTP 请求</span><span class="sxs-lookup"><span data-stu-id="a-11">HTTP request</span></span>
        ```http
        GET /users/{id}
        ```
        ## <a name="response"></a>Response
        <span data-ttu-id="a-12">如果成功，返回 `200 OK`。</span><span class="sxs-lookup"><span data-stu-id="a-12">If successful, returns `200 OK`.</span></span>
        """
        let model = try compilePage(text)
        let op = try #require(model.operations.first)
        #expect(op.title == "Get user")
        #expect(op.routes.map(\.path) == ["/users/{id}"])
        #expect(op.routes[0].line == 16)
        #expect(op.permissions?.delegatedWork?.leastPrivileged == ["User.Read"])
        #expect(op.permissions?.delegatedWork?.higherPrivileged == ["User.ReadWrite"])
        #expect(op.responses.map(\.status) == [200])
        #expect(op.sources.first?.locale == "zh-CN")
    }

    @Test func routesInCommentsAreNotRoutesAndTabGroupsDoNotEndSections() throws {
        let http = """
        <!-- GET /hidden/route -->
        <!--
        GET /also/hidden
        -->
        # [HTTP](#tab/http)
        ```http
        GET /me/events
        ```
        ---
        ```
        GET /users/{id}/events
        ```
        """
        let model = try compilePage(page(permissions: oldTable, http: http))
        #expect(model.operations.first?.routes.map(\.path) == ["/me/events", "/users/{id}/events"])
        #expect(!model.diagnostics.contains { $0.code == "routes-outside-request-section" })
    }

    @Test func crlfBomOddSpacesAndEntities() throws {
        var text = page(permissions: oldTable, http: "```http\nGET\u{00A0}/users/&lt;id | upn&gt;/manager\u{200B}\nGET /me/\u{202F}photo\n```")
        text = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        let op = try #require(try compilePage(text).operations.first)
        #expect(op.routes.map(\.path) == ["/me", "/users/{id}/manager"])
        #expect(op.routes.first(where: { $0.path.hasPrefix("/users") })?.parameters.first?.alternatives == ["id", "upn"])
        #expect(op.permissions?.hasAllSchemes == true)
    }

    @Test func unclosedFenceEndsAtNextSection() throws {
        let text = page(permissions: oldTable, http: "```http\nGET /me/drive\n")
        let model = try compilePage(text)
        #expect(model.operations.first?.routes.map(\.path) == ["/me/drive"])
        #expect(model.operations.first?.responses.map(\.status) == [200])
        #expect(model.diagnostics.contains { $0.code == "unclosed-fence" })
    }

    @Test func fencesInListsAndSeveralBlocks() throws {
        let http = """
        1. For the signed-in user:
            ```http
            GET /me/messages
            ```
        2. For another user:

            ``` http
            GET /users/{id}/messages
            ```
        """
        let model = try compilePage(page(permissions: oldTable, http: http))
        #expect(model.operations.first?.routes.count == 2)
    }

    @Test func fenceOpeningsInQuotesListsAndAfterCombiningMarks() throws {
        let http = """
        > - 1. ```http
        >      GET /me/quoted
        > ```
        10) ~~~
            GET /me/numbered
            ~~~
        ```\u{301}
        GET /me/marked
        ```
        """
        let model = try compilePage(page(permissions: oldTable, http: http))
        #expect(Set(model.operations.first?.routes.map(\.path) ?? []) == ["/me/quoted", "/me/numbered", "/me/marked"])
    }

    @Test func frontMatterKeepsTheLastOfARepeatedKeyAndUnquotesValues() throws {
        let text = page(permissions: oldTable, http: "```http\nGET /me\n```")
            .replacingOccurrences(of: "title: Test\n", with: "title: Test\nms.date: 01/01/2020\nms.date: \"05/01/2023\"\n")
        let model = try compilePage(text)
        #expect(model.operations.first?.sources.first?.date == "2023-05-01")
    }

    @Test func betaFromNoticeAndFromFolder() throws {
        let beta = try compilePage(page(beta: true, permissions: oldTable, http: "```http\nGET /me\n```"))
        #expect(beta.operations.first?.apiVersion == .beta)
        let v1 = try compilePage(page(permissions: oldTable, http: "```http\nGET /me\n```"), path: "api-reference/v1.0/api/x.md")
        #expect(v1.operations.first?.apiVersion == .v1)
        #expect(v1.operations.first?.id == "v1.0/x")
    }

    @Test func responseCodesFromProseAndExample() throws {
        var text = page(permissions: oldTable, http: "```http\nPOST /me/sendMail\n```",
                        response: "Если метод выполнен успешно, возвращается код отклика `202, Accepted`.")
        text += "\n## <a name=\"example\"></a>Example\n### Response\n```http\nHTTP/1.1 202 Accepted\n```\n"
        let op = try #require(try compilePage(text).operations.first)
        #expect(op.responses == [Response(status: 202, foundIn: ["example", "prose"])])
    }

    @Test func permissionIncludeResolvedRelativeToThePage() throws {
        let include = """
        ---
        ms.topic: include
        ---
        |Permission type|Least privileged permissions|Higher privileged permissions|
        |:---|:---|:---|
        |Delegated (work or school account)|Application.Read.All|Application.ReadWrite.All|
        |Delegated (personal Microsoft account)|Not supported.|Not supported.|
        |Application|Application.Read.All|Application.ReadWrite.OwnedBy|
        """
        let text = page(permissions: "[!INCLUDE [permissions-table](../includes/permissions/app-list-permissions.md)]",
                        http: "```http\nGET /applications\n```")
        let model = try compilePage(text, path: "v1.0/api/app-list.md",
                                    extraFiles: ["v1.0/includes/permissions/app-list-permissions.md": include])
        let op = try #require(model.operations.first)
        #expect(op.permissions?.application?.higherPrivileged == ["Application.ReadWrite.OwnedBy"])
    }

    @Test func includesCannotEscapeTheRoot() throws {
        let text = page(permissions: "[!INCLUDE [p](../../../../etc/passwd-permissions.md)]", http: "```http\nGET /me\n```")
        let model = try compilePage(text)
        #expect(model.diagnostics.contains { $0.code == "include-refused" && $0.severity == .error })
    }

    /// A diagnostic that quotes the page's text points at the column where that text starts.
    @Test func diagnosticsPointAtTheTextTheyQuote() throws {
        let table = oldTable.replacingOccurrences(of: "|Application|User.Read.All|", with: "|Application|User.Read.All, Читать все|")
        let model = try compilePage(page(permissions: table, http: "```http\nGET /me\n  GIT /users/{id}\n```"))
        let unparsed = try #require(model.diagnostics.first { $0.code == "unparsed-permission" })
        #expect((unparsed.line, unparsed.column) == (14, 29))
        let method = try #require(model.diagnostics.first { $0.code == "unknown-method" })
        #expect((method.line, method.column) == (20, 3))
        #expect(method.message == "'GIT' is not an HTTP method, so 'GIT /users/{id}' is not read as a route; did you mean 'GET'?")
        #expect(QuotedColumn.firstQuote(in: "the page's table 'X.Read' is odd") == "X.Read")
        #expect(QuotedColumn.firstQuote(in: "nothing quoted here") == nil)
    }

    /// Pages copied flat out of the docs: the diagnostic says which layout the includes need.
    @Test func anIncludeOutsideTheFolderNamesTheLayoutItNeeds() throws {
        let text = page(permissions: "[!INCLUDE [p](../includes/permissions/app-list-permissions.md)]", http: "```http\nGET /applications\n```")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-flat-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, content) in ["pages/app-list.md": text, "includes/permissions/app-list-permissions.md": "x"] {
            try FileManager.default.createDirectory(atPath: ((root + "/" + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
        }
        let model = try Compiler(options: .init(threads: 1)).compile(paths: [root + "/pages"]).model
        let refused = try #require(model.diagnostics.first { $0.code == "include-refused" })
        #expect(refused.severity == .error)
        #expect(refused.message.hasPrefix("include '../includes/permissions/app-list-permissions.md' resolves outside the input folder (it exists at /"))
        #expect(refused.message.hasSuffix("keep the docs' layout below it, pages in v1.0/api/ or beta/api/ beside v1.0/includes/ or beta/includes/"))
    }

    @Test func includeCycleIsAnError() throws {
        let text = page(permissions: "[!INCLUDE [p](a-permissions.md)]", http: "```http\nGET /me\n```")
        let model = try compilePage(text, extraFiles: ["a-permissions.md": "[!INCLUDE [p](b-permissions.md)]",
                                                       "b-permissions.md": "[!INCLUDE [p](a-permissions.md)]"])
        #expect(model.diagnostics.contains { $0.code == "include-cycle" })
    }

    @Test func pagesThatAreNotAPIPagesAreSkippedWithANote() throws {
        let model = try compilePage("---\ndoc_type: resourcePageType\n---\n# user resource type\n")
        #expect(model.operations.isEmpty)
        #expect(model.diagnostics.map(\.code) == ["not-an-api-page"])
    }

    @Test func selfAndOthersTablesGovernTheirRoutes() throws {
        let tables = """
        ### <a name="permissions-acting-on-self"></a>Разрешения, действующие на себя
        |Тип разрешения|Разрешения (в порядке повышения привилегий)|
        |:---|:---|
        |Делегированные (рабочая или учебная учетная запись)|UserAuthenticationMethod.Read|
        |Делегированные (личная учетная запись Майкрософт)|Не поддерживается.|
        |Для приложений|Не поддерживается.|

        ### <a name="permissions-acting-on-other-users"></a>Разрешения, действующие на других пользователей
        |Тип разрешения|Разрешения (в порядке повышения привилегий)|
        |:---|:---|
        |Делегированные (рабочая или учебная учетная запись)|UserAuthenticationMethod.Read.All|
        |Делегированные (личная учетная запись Майкрософт)|Не поддерживается.|
        |Приложение|UserAuthenticationMethod.Read.All|
        """
        let model = try compilePage(page(permissions: tables,
                                         http: "```http\nGET /me/authentication/methods\nGET /users/{id | userPrincipalName}/authentication/methods\n```"))
        let op = try #require(model.operations.first)
        let me = try #require(op.routes.first { $0.path.hasPrefix("/me") })
        let others = try #require(op.routes.first { $0.path.hasPrefix("/users") })
        let effectiveMe = me.permissions ?? op.permissions
        let effectiveOthers = others.permissions ?? op.permissions
        #expect(effectiveMe?.application == .unsupported)
        #expect(effectiveMe?.delegatedWork?.leastPrivileged == ["UserAuthenticationMethod.Read"])
        #expect(effectiveOthers?.application?.leastPrivileged == ["UserAuthenticationMethod.Read.All"])
        #expect(op.permissionTables.count == 2)
        #expect(!model.diagnostics.contains { $0.code == "permission-tables-unmatched" })
    }

    @Test func twoTreesWithTheSamePathsMergeAndStayDistinguishable() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("routespec-trees-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let old = page(permissions: oldTable, http: "```http\nGET /me/x\n```").replacingOccurrences(of: "ms.contentlocale: en-US", with: "ms.contentlocale: de-DE\nms.date: 01/02/2020")
        let new = page(permissions: oldTable, http: "```http\nGET /me/x\nGET /users/{id}/x\n```").replacingOccurrences(of: "ms.contentlocale: en-US", with: "ms.contentlocale: fr-FR\nms.date: 03/04/2022")
        for (tree, text) in [("de-DE", old), ("fr-FR", new)] {
            let dir = base + "/\(tree)/api-reference/v1.0/api"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/x-get.md"))
        }
        let model = try Compiler(options: .init(threads: 2)).compile(paths: [base + "/de-DE", base + "/fr-FR"]).model
        let op = try #require(model.operations.first)
        #expect(model.operations.count == 1)
        #expect(op.sources.map(\.path) == ["de-DE/api-reference/v1.0/api/x-get.md", "fr-FR/api-reference/v1.0/api/x-get.md"])
        #expect(op.sources.first(where: \.primary)?.locale == "fr-FR")
        #expect(op.routes.count == 2)
        let drift = try #require(model.diagnostics.first { $0.code == "translation-drift" })
        #expect(drift.path == "de-DE/api-reference/v1.0/api/x-get.md")
        #expect(drift.printedPath == base + "/de-DE/api-reference/v1.0/api/x-get.md")
    }
}
