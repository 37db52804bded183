import Foundation
import RouteSpecRuntime

/// App code calling a route generated at build time from the pages in `routespec/`.
public struct DeviceActions<Transport: GraphTransport>: Sendable {
    let client: GraphClient<Transport>

    public init(transport: Transport) { client = GraphClient(transport: transport) }

    /// Resets a device's passcode if the app's application permissions allow it.
    public func resetPasscode(deviceID: String, granted: Set<GraphPermission>) async throws -> Bool {
        let route = GraphV1.DeviceManagement.ManagedDevices.resetPasscodeAction(managedDeviceId: deviceID)
        guard route.permissions.allows(.application, granted: granted) else { return false }
        try await client.v1.resetPasscodeAction(route).send()
        return true
    }
}
