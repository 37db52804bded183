import Foundation
import GraphExample
import RouteSpecRuntime
import Testing

final class RecordingTransport: GraphTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []
    var sent: [String] { lock.withLock { paths } }

    func send(_ request: GraphRequest) async throws -> GraphResponse {
        lock.withLock { paths.append("\(request.method) \(request.path)") }
        return GraphResponse(status: 204)
    }
}

@Test func generatedRouteIsCalledWithTheRightPermission() async throws {
    let transport = RecordingTransport()
    let actions = DeviceActions(transport: transport)
    #expect(try await actions.resetPasscode(deviceID: "d 1", granted: [.deviceManagementManagedDevicesPrivilegedOperationsAll]))
    #expect(try await !actions.resetPasscode(deviceID: "d 1", granted: [GraphPermission("User.Read")]))
    #expect(transport.sent == ["POST /v1.0/deviceManagement/managedDevices/d%201/resetPasscode"])
}
