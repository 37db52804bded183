import Testing
@testable import RouteSpecCore

/// What the client generator needs beyond routes: headers, body, query options, response resource.
@Suite struct RequestFactTests {
    func page(locale: String, headers: String, body: String, response: String, example: String) -> String {
        """
        ---
        title: List users
        doc_type: apiPageType
        ms.contentlocale: \(locale)
        ---
        # <a name="list-users"></a>List users

        ## <a name="permissions"></a>Permissions

        \(oldTable)

        ## <a name="http-request"></a>HTTP request

        ```http
        GET /users
        ```

        ## <a name="optional-query-parameters"></a>Optional query parameters

        This method supports the `$select`, `$filter` and `$top` [OData query parameters](/graph/query-parameters).

        ## <a name="request-headers"></a>Request headers

        \(headers)

        ## <a name="request-body"></a>Request body

        \(body)

        ## <a name="response"></a>Response

        \(response)

        ## <a name="example"></a>Example

        ```http
        HTTP/1.1 200 OK
        Content-type: application/json

        \(example)
        ```
        """
    }

    @Test func englishPage() throws {
        let text = page(locale: "en-US", headers: "| Header | Value |\n|:---|:---|\n| Authorization | Bearer {token}. Required. |\n| ConsistencyLevel | eventual. Optional. |",
                        body: "Don't supply a request body for this method.",
                        response: "If successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects.",
                        example: "{\n  \"value\": [\n    { \"id\": \"1\" }\n  ]\n}")
        let op = try #require(try compilePage(text).operations.first)
        #expect(op.request == RequestShape(headers: [RequestHeader(name: "Authorization", required: true), RequestHeader(name: "ConsistencyLevel", required: false)],
                                           body: false, queryOptions: ["$select", "$filter", "$top"]))
        #expect(op.responseBody == ResponseBody(resource: "user", collection: true))
        #expect(op.json().serialized().contains(#""responseBody": {"#))
    }

    /// Translated pages: the header name that is translated is passed over; "optional" wins over
    /// the "required" it contains; the resource comes from the link, not the words.
    @Test func russianPage() throws {
        let text = page(locale: "ru-RU", headers: "| Заголовок | Значение |\n|:---|:---|\n| Авторизация | Bearer {token} (обязательный) |\n| ConsistencyLevel | необязательный. |\n| Content-Type | application/json. Обязательный. |",
                        body: "В тексте запроса укажите JSON.\n\n| Свойство | Тип |\n|:---|:---|\n| displayName | String |",
                        response: "В случае успеха этот метод возвращает код отклика `200 OK` и объект [пользователь](../resources/user.md).",
                        example: "{ \"id\": \"1\" }")
        let op = try #require(try compilePage(text).operations.first)
        #expect(op.request?.headers == [RequestHeader(name: "ConsistencyLevel", required: false), RequestHeader(name: "Content-Type", required: true)])
        #expect(op.request?.body == true)
        #expect(op.responseBody == ResponseBody(resource: "user", collection: false))
    }

    @Test func chinesePageWithABodyInItsExampleRequest() throws {
        var text = page(locale: "zh-CN", headers: "| 标头 | 值 |\n|:---|:---|\n| Content-Type | application/json。必需。 |\n| Prefer | 可选。 |",
                        body: "", response: "如果成功，此方法返回 `201 Created` 响应代码。", example: "")
        text += "\n\n### <a name=\"request\"></a>请求\n\n```http\nPOST https://graph.microsoft.com/v1.0/users\nContent-type: application/json\n\n{\n  \"displayName\": \"A\"\n}\n```\n"
        let op = try #require(try compilePage(text).operations.first)
        #expect(op.request?.headers == [RequestHeader(name: "Content-Type", required: true), RequestHeader(name: "Prefer", required: false)])
        #expect(op.request?.body == true)
        #expect(op.responseBody == nil)
    }

    @Test func queryOptionsAreWholeWords() {
        #expect(RequestReader.queryOptionsMentioned(in: Array("use $Select, $filters and $topx; $count".utf8)) == ["$select", "$count"])
    }
}

@Suite struct HeaderNameTests {
    @Test(arguments: [("Accept", true), ("Aceitar", false), ("Akzeptieren", false), ("ConsistencyLevel", true), ("If-Match", true),
                      ("Client-Request-Id", true), ("Prefer", true), ("Autorización", false)])
    func translatedHeaderNamesArePassedOver(name: String, kept: Bool) {
        #expect((RequestReader.header(Table.Row(cells: [name, "x"], line: 1)) != nil) == kept)
    }
}
