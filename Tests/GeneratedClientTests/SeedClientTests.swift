import Foundation
import GraphRoutes
import RouteSpecRuntime
import Testing

/// A transport that records requests and answers with a canned response.
final class MockTransport: GraphTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [GraphRequest] = []
    let reply: GraphResponse

    init(reply: GraphResponse) { self.reply = reply }

    var requests: [GraphRequest] { lock.withLock { sent } }

    func send(_ request: GraphRequest) async throws -> GraphResponse {
        lock.withLock { sent.append(request) }
        return reply
    }
}

@Suite struct SeedClientTests {
    @Test func resetPasscodeEncodesTheArgumentAsOneSegmentAndAccepts204() async throws {
        let transport = MockTransport(reply: GraphResponse(status: 204))
        let client = GraphClient(transport: transport)
        let response = try await client.v1.resetPasscodeAction(GraphV1.DeviceManagement.ManagedDevices.resetPasscodeAction(managedDeviceId: "a/b c")).send()
        #expect(response.status == 204)
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v1.0/deviceManagement/managedDevices/a%2Fb%20c/resetPasscode")
    }

    @Test func aFailureThrowsGraphsErrorDecodedWithTheBodyKept() async throws {
        let body = Data(#"{"error":{"code":"Forbidden","message":"Insufficient privileges.","innerError":{"code":"AccessDenied","request-id":"r-1","client-request-id":"c-1","date":"2026-12-08T01:00:00"}}}"#.utf8)
        let transport = MockTransport(reply: GraphResponse(status: 403, headers: ["request-id": "42"], body: body))
        let client = GraphClient(transport: transport)
        do {
            try await client.v1.resetPasscodeAction(GraphV1.Users.ManagedDevices.resetPasscodeAction(usersId: "u", managedDeviceId: "d")).send()
            Issue.record("a 403 must throw")
        } catch let error as GraphError {
            #expect(error.status == 403)
            #expect(error.response.body == body)
            #expect((error.code, error.message, error.innerCode) == ("Forbidden", "Insufficient privileges.", "AccessDenied"))
            #expect((error.requestID, error.clientRequestID, error.date) == ("r-1", "c-1", "2026-12-08T01:00:00"))
            #expect(error.description == "POST /v1.0/users/u/managedDevices/d/resetPasscode (v1.0/#resetpasscode-action) failed with 403 Forbidden: Insufficient privileges. [request-id r-1]")
        }
        // Not Graph's JSON: the headers still say which request it was.
        let plain = MockTransport(reply: GraphResponse(status: 502, headers: ["Request-Id": "h-9"], body: Data("Bad gateway".utf8)))
        do {
            try await GraphClient(transport: plain).send(GraphV1.Users.ManagedDevices.resetPasscodeAction(usersId: "u", managedDeviceId: "d"))
            Issue.record("a 502 must throw")
        } catch let error as GraphError {
            #expect(error.code == nil && error.requestID == "h-9")
        }
    }

    /// The docs name 204; a 202 after the request had its effect is reported, not thrown.
    @Test func anUndocumented2xxIsReportedNotThrown() async throws {
        let seen = Reported()
        let client = GraphClient(transport: MockTransport(reply: GraphResponse(status: 202)), onUndocumentedStatus: { seen.add($0) })
        let response = try await client.v1.resetPasscodeAction(GraphV1.DeviceManagement.ManagedDevices.resetPasscodeAction(managedDeviceId: "1")).send()
        #expect(response.status == 202)
        #expect(seen.statuses == [202])
    }

    @Test(arguments: ["a/b", "x?y", "h#i", "50%", "sp ace", "ünï", "..", "'quote'"])
    func argumentsNeverChangeTheRoute(value: String) {
        let route = GraphV1.DeviceManagement.ManagedDevices.resetPasscodeAction(managedDeviceId: value)
        let segments = route.path.split(separator: "/", omittingEmptySubsequences: false)
        #expect(segments.count == 5, "\(route.path)")
        let router = GraphRouter(tables: GraphV1.routeTables)
        let matched = router.match(method: "POST", path: route.versionedPath)
        #expect(matched?.arguments == [value])
        #expect(matched == route)
    }

    @Test func permissionsPerScheme() {
        let route = GraphV1.DeviceManagement.ManagedDevices.resetPasscodeAction(managedDeviceId: "1")
        let granted: Set<GraphPermission> = [.deviceManagementManagedDevicesPrivilegedOperationsAll]
        #expect(route.permissions.allows(.application, granted: granted))
        #expect(route.permissions.allows(.delegatedWork, granted: granted))
        #expect(!route.permissions.allows(.delegatedPersonal, granted: granted))
        #expect(!route.permissions.allows(.application, granted: [GraphPermission("User.Read")]))
        #expect(route.expectedStatuses == [204])
        #expect(route.descriptor.source.hasSuffix(".md:39"))
    }

    @Test func routerMatchesBetaRoutes() throws {
        let router = GraphRouter(tables: GraphBeta.routeTables)
        let path = "/beta/deviceManagement/deviceManagementScripts/s1/deviceRunStates/r1/managedDevice/resetPasscode"
        let route = try #require(router.match(method: "post", path: path))
        #expect(route.arguments == ["s1", "r1"])
        #expect(route.descriptor.operationName == "resetPasscode")
        #expect(router.match(method: "GET", path: path) == nil)
    }

    @Test func aHandMadeSelectionIsRefusedNotSent() async throws {
        let transport = MockTransport(reply: GraphResponse(status: 204))
        let bogus = DocumentedRoute(GraphV1.Users.ManagedDevices.table, "noSuchRoute", ["x"])
        #expect(!bogus.descriptor.isDocumented)
        await #expect(throws: GraphUndocumentedRoute.self) { try await GraphClient(transport: transport).send(bogus) }
        #expect(transport.requests.isEmpty)
    }

    @Test func aClientMethodRefusesAnotherOperationsRoute() async throws {
        let transport = MockTransport(reply: GraphResponse(status: 204))
        let client = GraphClient(transport: transport)
        let other = GraphV1.Users.ManagedDevices.recoverPasscodeAction(usersId: "u", managedDeviceId: "d")
        await #expect(throws: GraphWrongOperation.self) { try await client.v1.resetPasscodeAction(other).send() }
        #expect(transport.requests.isEmpty)
        let body = Data("{}".utf8)
        try await client.v1.recoverPasscodeAction(other).send(body: body)
        #expect(transport.requests.first?.body == body)
        #expect(transport.requests.first?.headers["Content-Type"] == "application/json")
    }

    @Test func everyRouteOfTheTablesHasItsFunction() {
        for table in GraphV1.routeTables + GraphBeta.routeTables {
            for d in table.descriptors {
                #expect(table.route(named: d.name, arguments: d.template.placeholders) != nil)
                #expect(table.route(named: d.name, arguments: d.template.placeholders + ["extra"]) == nil)
                #expect(!d.operation.id.isEmpty && d.isDocumented)
            }
        }
        #expect(GraphV1.routeTables.count == 3 && GraphBeta.routeTables.count == 3)
    }

    @Test func everyDocumentedPermissionIsListed() {
        #expect(GraphPermission.all == [GraphPermission("DeviceManagementManagedDevices.PrivilegedOperations.All")])
    }
}

final class Reported: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [GraphUndocumentedStatus] = []
    func add(_ s: GraphUndocumentedStatus) { lock.withLock { items.append(s) } }
    var statuses: [Int] { lock.withLock { items.map(\.status) } }
}
