import Testing
@testable import RouteSpecCore

@Suite struct RouteLineParserTests {
    func route(_ line: String) -> (String, String)? {
        guard case .success(let p) = RouteLineParser.parse(line) else { return nil }
        return (p.method, p.path)
    }

    /// Prose lines are asked on bytes first; a line it turns away must be no route.
    @Test(arguments: ["GET /me", "  > - get /x", "Получить пользователя", "&#71;ET /me", "GETTER /x", "* POST https://graph.microsoft.com/v1.0/me",
                      "", "OPTIONS", "delete", "\tPATCH /users/{id}", "GET", "Use GET /me to read"])
    func methodPrecheckTurnsAwayOnlyNonRoutes(line: String) {
        let may = line.withUTF8Span { RouteLineParser.mayStartWithMethod($0) }
        if !may { #expect(RouteLineParser.parse(line, requireSlash: true) == .failure(.notARoute), "\(line)") }
        let shouldBeAsked = ["GET /me", "  > - get /x", "&#71;ET /me", "* POST https://graph.microsoft.com/v1.0/me", "OPTIONS", "delete", "\tPATCH /users/{id}", "GET"]
        #expect(may == shouldBeAsked.contains(line), "\(line)")
    }

    @Test(arguments: [
        ("GET /me", "GET", "/me"),
        ("get /me/events", "GET", "/me/events"),
        ("Post users/{id}/assignLicense", "POST", "/users/{id}/assignLicense"),
        ("GET https://graph.microsoft.com/v1.0/users/{id}", "GET", "/users/{id}"),
        ("GET https://graph.microsoft.com/beta/users?$select=id", "GET", "/users"),
        ("GET /beta/groups/{id}/members", "GET", "/groups/{id}/members"),
        ("GET /users/{id | userPrincipalName}/photo/$value", "GET", "/users/{id}/photo/$value"),
        ("GET /users/{id|userPrincipalName}", "GET", "/users/{id}"),
        ("GET /users/<id | upn>/manager", "GET", "/users/{id}/manager"),
        ("GET /drives('{id}')/root", "GET", "/drives('{id}')/root"),
        ("GET /reports/getEmailActivityUserDetail(period='{period_value}')", "GET", "/reports/getEmailActivityUserDetail(period='{period_value}')"),
        ("GET /me/drive/root:/{item-path}:/content", "GET", "/me/drive/root:/{item-path}:/content"),
        ("GET /users/{id}/memberOf/microsoft.graph.group", "GET", "/users/{id}/memberOf/microsoft.graph.group"),
        ("POST /groups/{id}/members/$ref", "POST", "/groups/{id}/members/$ref"),
        ("GET /users/$count", "GET", "/users/$count"),
        ("GET /me/messages  // for the signed-in user", "GET", "/me/messages"),
        ("GET\u{202F}/me/calendar", "GET", "/me/calendar"),
        ("GET\u{00A0}/me/calendar", "GET", "/me/calendar"),
        ("DELETE /users/{id}}/photo", "DELETE", "/users/{id}/photo"),
        ("PATCH /me/", "PATCH", "/me"),
        ("POST /me/drive/items/{id}/workbook/range/resizedRange(deltaRows={n}, deltaColumns={n})", "POST",
         "/me/drive/items/{id}/workbook/range/resizedRange(deltaRows={n},deltaColumns={deltaColumns})"),
        // Lines are read as bytes: non-ASCII text must pass through whole, and `/V1.0` is a version in any case.
        ("GET /sites/{идентификатор-сайта}/lists", "GET", "/sites/{идентификатор-сайта}/lists"),
        ("GET /drives/{id}/root:/Документы/{путь}:", "GET", "/drives/{id}/root:/Документы/{путь}:"),
        ("GET HTTPS://graph.microsoft.com/V1.0/me//events/", "GET", "/me/events"),
        ("- GET `/me/photo/$value`", "GET", "/me/photo/$value"),
        ("GET /{version}/me", "GET", "/me"),
    ])
    func readsRouteLines(line: String, method: String, path: String) {
        // Odd spaces are normalised before lines reach the parser; do the same here.
        let normalized = line.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
        let got = route(normalized)
        #expect(got?.0 == method)
        #expect(got?.1 == path)
    }

    @Test func keepsAlternativesAsParameters() throws {
        guard case .success(let p) = RouteLineParser.parse("GET /users/{id | userPrincipalName}/contacts/{id}") else {
            Issue.record("not parsed"); return
        }
        #expect(p.path == "/users/{id}/contacts/{contact-id}")
        #expect(p.parameters.map(\.name) == ["id", "contact-id"])
        #expect(p.parameters[0].alternatives == ["id", "userPrincipalName"])
    }

    @Test(arguments: ["Content-Type: application/json", "{", "Getting started", "GETTER /x", "HTTP/1.1 200 OK"])
    func ignoresNonRoutes(line: String) {
        #expect(RouteLineParser.parse(line) == .failure(.notARoute))
    }

    @Test func reportsRepairsAndRejectsPathsWithSpaces() throws {
        guard case .success(let p) = RouteLineParser.parse("GET /users/{id/manager") else { Issue.record("not parsed"); return }
        #expect(p.repairs == ["unclosed placeholder '{id' closed"])
        #expect(RouteLineParser.parse("POST /") == .failure(.emptyPath(method: "POST")))
        #expect(RouteLineParser.parse("GET /a/{x y}/b\u{2028}c") == .failure(.badPath("/a/{x-y}/b\u{2028}c")))
    }

    @Test func reportsVersionInURL() throws {
        guard case .success(let p) = RouteLineParser.parse("POST https://graph.microsoft.com/beta/me/sendMail") else {
            Issue.record("not parsed"); return
        }
        #expect(p.versionInURL == .beta)
    }
}

/// Every repair of a route is reported (as a warning by the walker), and none yields a malformed path.
@Suite struct RouteRepairTests {
    func parsed(_ line: String) -> RouteLineParser.Parsed? {
        guard case .success(let p) = RouteLineParser.parse(line) else { return nil }
        return p
    }

    @Test(arguments: [
        ("GET /applications/{id", "/applications/{id}", "unclosed placeholder '{id' closed"),
        ("GET /me/x y", "/me/x", "'y' after the path ignored"),
        ("DELETE /employeeExperience/learningProviders/{learningProviderId}/learningContents/{externalId='{externalId}'}/$ref",
         "/employeeExperience/learningProviders/{learningProviderId}/learningContents(externalId='{externalId}')/$ref",
         "'{externalId='{externalId}'}' read as the key '(externalId='{externalId}')'"),
        ("GET /users/`id`/photo", "/users/{id}/photo", "'`id`' read as the placeholder '{id}'"),
        ("GET /me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>'/entireRow",
         "/me/drive/items/{id}/workbook/worksheets/{worksheet-id}/range(address='{address}')/entireRow",
         "missing ')' added after 'ange(address='{address}''"),
    ])
    func repairsAreReported(line: String, path: String, repair: String) throws {
        let p = try #require(parsed(line))
        #expect(p.path == path)
        #expect(p.repairs.contains(repair), "\(p.repairs)")
    }

    @Test(arguments: ["GET /me/messages  // a comment", "GET /me HTTP/1.1", "GET /users?$search=\"displayName:a b\""])
    func commentsVersionsAndQueriesAreNoRepair(line: String) throws {
        #expect(try #require(parsed(line)).repairs.isEmpty)
    }

    @Test(arguments: ["GET /items/<id=5>/x", "GET /a/{b}}/c)", "GET /a/b'"])
    func malformedPathsAreRefused(line: String) {
        guard case .failure(.badPath) = RouteLineParser.parse(line) else {
            Issue.record("\(line) was read as a route")
            return
        }
    }

    @Test func aRouteOnTheFenceLineIsReadWithAWarning() throws {
        for (locale, heading) in [("zh-CN", "HTTP 请求"), ("es-ES", "Solicitud HTTP")] {
            let text = page(permissions: oldTable, http: "```http GET /me/people\n```")
                .replacingOccurrences(of: "ms.contentlocale: en-US", with: "ms.contentlocale: \(locale)")
                .replacingOccurrences(of: "HTTP request", with: heading)
            let model = try compilePage(text)
            #expect(model.operations.first?.routes.map(\.path) == ["/me/people"], "\(locale)")
            let warning = try #require(model.diagnostics.first { $0.code == "route-on-fence-line" })
            #expect(warning.severity == .warning)
        }
    }

    @Test func routeRepairsAreWarnings() throws {
        let model = try compilePage(page(permissions: oldTable, http: "```http\nGET /applications/{id\n```"))
        let repair = try #require(model.diagnostics.first { $0.code == "route-repaired" })
        #expect(repair.severity == .warning)
        #expect(repair.message == "unclosed placeholder '{id' closed in 'GET /applications/{id'")
    }

    /// A repair the page's example request contradicts is said; one it confirms is not.
    @Test func repairsAreCheckedAgainstTheExampleRequest() throws {
        func compiled(_ example: String) throws -> Model {
            try compilePage(page(permissions: oldTable, http: "```http\nDELETE /providers/{providerId}/contents/{externalId='{externalId}'}/$ref\n```")
                + "\n\n## <a name=\"example\"></a>Example\n\n```http\n\(example)\n```\n")
        }
        let confirmed = try compiled("DELETE https://graph.microsoft.com/beta/providers/p1/contents(externalId='LP4471')/$ref")
        #expect(confirmed.operations.first?.routes.first?.path == "/providers/{providerId}/contents(externalId='{externalId}')/$ref")
        #expect(confirmed.diagnostics.contains { $0.code == "route-repaired" })
        #expect(!confirmed.diagnostics.contains { $0.code == "route-repair-unconfirmed" })
        let contradicted = try compiled("DELETE https://graph.microsoft.com/beta/providers/p1/items/LP4471")
        #expect(contradicted.diagnostics.first { $0.code == "route-repair-unconfirmed" }?.severity == .warning)
    }
}
