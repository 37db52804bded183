import Testing
@testable import RouteSpecCore

@Suite struct ResponseCodeReaderTests {
    @Test(arguments: [
        ("If successful, this method returns a `204 No Content` response code.", [204]),
        ("В случае успеха этот метод возвращает код отклика `201 Created`.", [201]),
        ("Метод возвращает код `200 ОК` и объект.", [200]),
        ("returns HTTP 202 and a Location header", [202]),
        ("the response is HTTP/1.1 200 OK", [200]),
        ("the response is HTTP/1.1 200", []),
        ("returns 200, OK and the user", [200]),
        ("returns 200 ok", [200]),
        ("returns a 200 response", []),
        ("version 1.200 of the API, build 2001, codes 200x and 200-299, 200.5, 200ms", []),
        ("код200 и 200код are words, not codes", []),
        ("`999 OK` is no status", []),
        ("no digits here at all", []),
        ("200 OK then `201` then HTTP 202 Accepted", [200, 201, 202]),
    ] as [(String, [Int])])
    func proseCodes(line: String, codes: [Int]) {
        #expect(ResponseCodeReader.prose(line) == codes)
    }

    @Test func exampleResponseFirstLine() {
        #expect(ResponseCodeReader.example("HTTP/1.1 204 No Content") == 204)
        #expect(ResponseCodeReader.example("  http/1.1 201 Created") == 201)
        #expect(ResponseCodeReader.example("HTTP 200") == 200)
        #expect(ResponseCodeReader.example("HTTP/1.1  202  Accepted") == 202)
        #expect(ResponseCodeReader.example("HTTP/1.1 2000") == nil)
        #expect(ResponseCodeReader.example("HTTP/1.1 099 x") == nil)
        #expect(ResponseCodeReader.example("HTTP/1.1 600") == nil)
        #expect(ResponseCodeReader.example("HTTP/1.1\t204") == nil)
        #expect(ResponseCodeReader.example("HTTP/1.1 2О4") == nil)
        #expect(ResponseCodeReader.example("http") == nil)
        #expect(ResponseCodeReader.example("HTTPS/1.1 200") == nil)
        #expect(ResponseCodeReader.example("{\"value\": 200}") == nil)
    }
}
