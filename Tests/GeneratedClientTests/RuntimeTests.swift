import Foundation
import GraphRoutes
import RouteSpecRuntime
import Testing

/// Answers requests from a script, in order, and records them.
final class ScriptedTransport: GraphTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [GraphResponse]
    private var sent: [GraphRequest] = []

    init(_ replies: [GraphResponse]) { self.replies = replies }

    var requests: [GraphRequest] { lock.withLock { sent } }

    func send(_ request: GraphRequest) async throws -> GraphResponse {
        lock.withLock {
            sent.append(request)
            return replies.isEmpty ? GraphResponse(status: 500) : replies.removeFirst()
        }
    }
}

final class Sleeps: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Duration] = []
    func add(_ d: Duration) { lock.withLock { waits.append(d) } }
    var all: [Duration] { lock.withLock { waits } }
}

@Suite struct RuntimeTests {
    let route = GraphV1.DeviceManagement.ManagedDevices.resetPasscodeAction(managedDeviceId: "d 1")

    @Test func queryOptionsHeadersAndJSONBodiesAreSentExactly() async throws {
        struct Body: Encodable { let displayName: String; let when: Date }
        let transport = ScriptedTransport([GraphResponse(status: 204)])
        let query = GraphQuery(select: ["id", "displayName"], filter: "startswith(displayName,'a&b')", orderBy: ["displayName desc"], top: 5,
                               search: "displayName:ü", count: true)
        try await GraphClient(transport: transport).send(route, query: query, headers: ["Prefer": "return=minimal"],
                                                         json: Body(displayName: "x", when: Date(timeIntervalSince1970: 0)))
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v1.0/deviceManagement/managedDevices/d%201/resetPasscode?$select=id,displayName&$filter=startswith(displayName,'a%26b')&$orderby=displayName%20desc&$top=5&$search=%22displayName:%C3%BC%22&$count=true")
        #expect(request.headers == ["Accept": "application/json", "Prefer": "return=minimal", "ConsistencyLevel": "eventual", "Content-Type": "application/json"])
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self) == #"{"displayName":"x","when":"1970-01-01T00:00:00Z"}"#)
    }

    @Test func aCallerSetConsistencyLevelIsKept() async throws {
        let transport = ScriptedTransport([GraphResponse(status: 204)])
        try await GraphClient(transport: transport).send(route, query: GraphQuery(count: true), headers: ["consistencylevel": "strong"])
        #expect(transport.requests.first?.headers.keys.sorted() == ["Accept", "consistencylevel"])
    }

    @Test func pagesFollowNextLinksAndItemsDecodeGraphDates() async throws {
        struct Item: Decodable, Sendable { let id: String; let created: Date }
        let page1 = #"{"value":[{"id":"1","created":"2024-05-01T10:00:00.1234567Z"},{"id":"2","created":"2024-05-01"}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/deviceManagement/managedDevices?$skiptoken=X%3D1"}"#
        let page2 = #"{"value":[{"id":"3","created":"2024-05-02T00:00:00Z"}]}"#
        let transport = ScriptedTransport([GraphResponse(status: 200, body: Data(page1.utf8)), GraphResponse(status: 200, body: Data(page2.utf8))])
        var ids: [String] = []
        var dates: [Date] = []
        for try await item in try GraphClient(transport: transport).pages(route, query: GraphQuery(top: 2)).items(Item.self) {
            ids.append(item.id)
            dates.append(item.created)
        }
        #expect(ids == ["1", "2", "3"])
        #expect(dates[0].timeIntervalSince1970 == 1_714_557_600.123)
        #expect(dates[1].timeIntervalSince1970 == 1_714_521_600)
        #expect(transport.requests.map(\.path) == ["/v1.0/deviceManagement/managedDevices/d%201/resetPasscode?$top=2",
                                                   "/v1.0/deviceManagement/managedDevices?$skiptoken=X%3D1"])
        #expect(transport.requests[1].method == "GET")
    }

    @Test func aFailedPageThrowsGraphError() async throws {
        let transport = ScriptedTransport([GraphResponse(status: 404, body: Data(#"{"error":{"code":"NotFound","message":"gone"}}"#.utf8))])
        await #expect(throws: GraphError.self) {
            for try await _ in try GraphClient(transport: transport).pages(route) {}
        }
    }

    @Test func retriesHonourRetryAfterAndStop() async throws {
        let sleeps = Sleeps()
        let base = ScriptedTransport([GraphResponse(status: 429, headers: ["Retry-After": "7"]), GraphResponse(status: 503),
                                      GraphResponse(status: 504, headers: ["retry-after": "120"]), GraphResponse(status: 204)])
        let transport = RetryingTransport(base, maxAttempts: 4, maxDelay: .seconds(30), sleep: { sleeps.add($0) })
        let response = try await transport.send(GraphRequest(method: "GET", path: "/v1.0/me"))
        #expect(response.status == 204)
        #expect(sleeps.all == [.seconds(7), .seconds(2), .seconds(30)])
        // Attempts are bounded: the last answer comes back as it is.
        let busy = ScriptedTransport(Array(repeating: GraphResponse(status: 429), count: 5))
        let bounded = RetryingTransport(busy, maxAttempts: 2, sleep: { _ in })
        #expect(try await bounded.send(GraphRequest(method: "GET", path: "/v1.0/me")).status == 429)
        #expect(busy.requests.count == 2)
        // Other statuses are not retried.
        let notFound = ScriptedTransport([GraphResponse(status: 404)])
        #expect(try await RetryingTransport(notFound, sleep: { _ in }).send(GraphRequest(method: "GET", path: "/x")).status == 404)
        #expect(notFound.requests.count == 1)
    }
}
