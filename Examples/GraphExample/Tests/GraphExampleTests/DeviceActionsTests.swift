import Foundation
import GraphExample
import RouteSpecRuntime
import Testing

/// Answers every request with 204 and keeps what was sent.
final class CannedTransport: GraphTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []
    var sent: [String] { lock.withLock { paths } }

    func send(_ request: GraphRequest) async throws -> GraphResponse {
        lock.withLock { paths.append("\(request.method) \(request.path)") }
        return GraphResponse(status: 204)
    }
}

@Test func generatedRouteIsCalledWithTheRightPermission() async throws {
    let transport = CannedTransport()
    let actions = DeviceActions(transport: transport)
    #expect(try await actions.resetPasscode(deviceID: "d 1", granted: [.deviceManagementManagedDevicesPrivilegedOperationsAll]))
    #expect(try await !actions.resetPasscode(deviceID: "d 1", granted: [GraphPermission("User.Read")]))
    #expect(transport.sent == ["POST /v1.0/deviceManagement/managedDevices/d%201/resetPasscode"])
}

/// Check before sending: a token without the permission never reaches the network.
@Test func aGuardedClientRefusesWhatTheTokenCannotDo() async throws {
    let transport = CannedTransport()
    let payload = Data(#"{"scp":"User.Read"}"#.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    let actions = DeviceActions(transport: transport, token: { "eyJhbGciOiJub25lIn0.\(payload).sig" })
    await #expect(throws: GraphPermissionDenied.self) { try await actions.recoverPasscode(deviceID: "d1") }
    #expect(transport.sent.isEmpty)
}

/// The app's committed permission manifest covers every route its code calls, and asks for
/// nothing more. `ROUTESPEC_WRITE_MANIFEST=1 swift test` writes it from the recording.
@Test func thePermissionManifestCoversTheCallsAndNoMore() async throws {
    let recorder = RecordingTransport(CannedTransport(), tables: GraphV1.routeTables)
    let actions = DeviceActions(transport: recorder)
    _ = try await actions.resetPasscode(deviceID: "d1", granted: [.deviceManagementManagedDevicesPrivilegedOperationsAll])
    try await actions.recoverPasscode(deviceID: "d1")
    #expect(recorder.unmatched.isEmpty)
    let routes: [any GraphRoute] = recorder.routes
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("permissions.json")
    if ProcessInfo.processInfo.environment["ROUTESPEC_WRITE_MANIFEST"] == "1" {
        try PermissionManifest.covering(routes, schemes: [.application]).json().write(to: file)
    }
    let findings = try PermissionManifest.load(file).check(routes, scheme: .application)
    #expect(findings.isEmpty, "\(findings)")
}
