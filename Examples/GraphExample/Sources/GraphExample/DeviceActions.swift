import Foundation
import RouteSpecRuntime

/// App code calling a route generated at build time from the pages in `routespec/`.
public struct DeviceActions<Transport: GraphTransport>: Sendable {
    let client: GraphClient<Transport>

    /// With `token`, every call is checked against the token's permissions before it is sent.
    public init(transport: Transport, token: (@Sendable () async throws -> String)? = nil) {
        client = GraphClient(transport: transport, permissionGuard: token.map { PermissionGuard(token: $0) })
    }

    /// Resets a device's passcode if the app's application permissions allow it.
    public func resetPasscode(deviceID: String, granted: Set<GraphPermission>) async throws -> Bool {
        let route = GraphV1.DeviceManagement.ManagedDevices.resetPasscodeAction(managedDeviceId: deviceID)
        guard route.permissions.allows(.application, granted: granted) else { return false }
        try await client.v1.resetPasscodeAction(route).send()
        return true
    }

    /// Recovers a device's passcode; a guarded client refuses it when the token cannot.
    public func recoverPasscode(deviceID: String) async throws {
        try await client.v1.recoverPasscodeAction(GraphV1.DeviceManagement.ManagedDevices.recoverPasscodeAction(managedDeviceId: deviceID)).send()
    }
}
