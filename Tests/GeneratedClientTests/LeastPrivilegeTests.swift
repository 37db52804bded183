import Foundation
import GraphRoutes
import RouteSpecRuntime
import Testing

/// A JWT with the given claims (unsigned: the guard reads claims, it does not verify).
func token(_ claims: String) -> String {
    let payload = Data(claims.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    return "eyJhbGciOiJub25lIn0.\(payload).sig"
}

@Suite struct LeastPrivilegeTests {
    let route = GraphV1.DeviceManagement.ManagedDevices.resetPasscodeAction(managedDeviceId: "d1")

    @Test func theGuardRefusesBeforeSendingAndNamesWhatWouldDo() async throws {
        let transport = MockTransport(reply: GraphResponse(status: 204))
        let readOnly = token(#"{"scp":"User.Read"}"#)
        let client = GraphClient(transport: transport, permissionGuard: PermissionGuard(token: { readOnly }))
        do {
            try await client.v1.resetPasscodeAction(route).send()
            Issue.record("a call the token cannot make must be refused")
        } catch let denied as GraphPermissionDenied {
            #expect(denied.scheme == .delegatedWork)
            #expect(denied.leastPrivileged == [GraphPermission("DeviceManagementManagedDevices.PrivilegedOperations.All")])
            #expect(denied.source.hasSuffix(".md:39"))
            #expect(denied.description.contains("refused before sending: it needs DeviceManagementManagedDevices.PrivilegedOperations.All or higher"))
        }
        #expect(transport.requests.isEmpty)
        // An application token carrying the permission passes.
        let app = token(#"{"roles":["DeviceManagementManagedDevices.PrivilegedOperations.All"]}"#)
        let allowed = GraphClient(transport: transport, permissionGuard: PermissionGuard(token: { app }))
        try await allowed.v1.resetPasscodeAction(route).send()
        #expect(transport.requests.count == 1)
        // A personal account cannot make the call at all.
        let personal = GraphClient(transport: transport, permissionGuard: PermissionGuard(token: { app }, scheme: .delegatedPersonal))
        await #expect(throws: GraphPermissionDenied.self) { try await personal.send(route) }
    }

    /// A recording of the app's calls against its committed manifest.
    @Test func theManifestCoversWhatTheAppCalls() async throws {
        let recorder = RecordingTransport(MockTransport(reply: GraphResponse(status: 204)), tables: GraphV1.routeTables)
        let client = GraphClient(transport: recorder)
        try await client.v1.resetPasscodeAction(route).send()
        try await client.send(GraphV1.Users.ManagedDevices.recoverPasscodeAction(usersId: "u", managedDeviceId: "d"))
        #expect(recorder.routes.map(\.descriptor.operationName) == ["resetPasscode", "recoverPasscode"])
        let routes: [any GraphRoute] = recorder.routes
        let first = PermissionManifest.covering(routes, schemes: [.delegatedWork, .application])
        #expect(first == PermissionManifest(delegatedWork: ["DeviceManagementManagedDevices.PrivilegedOperations.All"],
                                            application: ["DeviceManagementManagedDevices.PrivilegedOperations.All"]))
        #expect(first.check(routes, scheme: .delegatedWork).isEmpty)
        let wide = PermissionManifest(delegatedWork: ["DeviceManagementManagedDevices.PrivilegedOperations.All", "Mail.ReadWrite"])
        #expect(wide.check(routes, scheme: .delegatedWork).unused == ["Mail.ReadWrite"])
        let narrow = PermissionManifest(delegatedWork: ["User.Read"])
        let findings = narrow.check(routes, scheme: .delegatedWork)
        #expect(findings.uncovered.count == 2 && findings.unused == ["User.Read"])
        #expect(findings.description.contains("not covered: POST /v1.0/deviceManagement/managedDevices/d1/resetPasscode needs DeviceManagementManagedDevices.PrivilegedOperations.All"))
        // Round trip through the committed file's JSON.
        #expect(try JSONDecoder().decode(PermissionManifest.self, from: first.json()) == first)
    }
}
