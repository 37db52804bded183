import Foundation

/// Sends generated routes over an app-supplied transport and checks the status against the docs.
public struct GraphClient<Transport: GraphTransport>: Sendable {
    public let transport: Transport
    /// Headers sent with every request (e.g. `Accept`).
    public var headers: [String: String]

    public init(transport: Transport, headers: [String: String] = ["Accept": "application/json"]) {
        self.transport = transport
        self.headers = headers
    }

    /// Sends `route` with `body` passed through as bytes; throws `GraphUnexpectedStatus` (with the
    /// status, headers and body kept) when the status is not a documented one.
    @discardableResult
    public func send(_ route: some GraphRoute, body: Data? = nil, query: String? = nil,
                     headers extra: [String: String] = [:]) async throws -> GraphResponse {
        let descriptor = route.descriptor
        guard descriptor.isDocumented else { throw GraphUndocumentedRoute(name: descriptor.name) }
        var path = route.versionedPath
        if let query, !query.isEmpty { path += query.hasPrefix("?") ? query : "?" + query }
        var all = headers
        for (k, v) in extra { all[k] = v }
        if body != nil && all["Content-Type"] == nil { all["Content-Type"] = "application/json" }
        let request = GraphRequest(method: descriptor.method, path: path, headers: all, body: body)
        let response = try await transport.send(request)
        guard descriptor.accepts(status: response.status) else {
            throw GraphUnexpectedStatus(operationID: descriptor.operationID, method: descriptor.method, path: path,
                                        expected: descriptor.expectedStatuses, response: response)
        }
        return response
    }
}

/// A `GraphClient` with its transport type erased. The generated per-version clients wrap one, so
/// their many methods are not generic: a generic async method costs the compiler noticeably more.
public struct AnyGraphClient: Sendable {
    private let sendRoute: @Sendable (any GraphRoute, Data?) async throws -> GraphResponse

    public init<Transport>(_ client: GraphClient<Transport>) {
        sendRoute = { route, body in try await client.send(route, body: body) }
    }

    @discardableResult
    public func send(_ route: any GraphRoute, body: Data? = nil) async throws -> GraphResponse {
        try await sendRoute(route, body)
    }
}

/// One operation's request, prepared by a generated client method (`client.v1.getUser(route)`);
/// `send()` performs it. Generated methods are synchronous and take no defaulted arguments on
/// purpose: an async method costs the compiler about three times as much as a plain one, which at
/// 10,000 operations is most of the build. Operations whose method sends a body return a
/// `GraphBodyCall` instead.
public struct GraphCall: Sendable {
    public let route: DocumentedRoute
    /// The operation the generated method stands for; `send()` refuses another operation's route.
    public let operationID: String
    let client: AnyGraphClient

    public init(_ client: AnyGraphClient, operation: String, route: DocumentedRoute) {
        self.client = client
        self.operationID = operation
        self.route = route
    }

    /// Sends the request; throws `GraphUnexpectedStatus` (status, headers and body kept) when the
    /// status is not a documented one, `GraphWrongOperation` for another operation's route.
    @discardableResult
    public func send() async throws -> GraphResponse {
        try await GraphCall.send(client, operationID, route, nil)
    }

    static func send(_ client: AnyGraphClient, _ operationID: String, _ route: any GraphRoute, _ body: Data?) async throws -> GraphResponse {
        let actual = route.descriptor.operationID
        guard actual == operationID else { throw GraphWrongOperation(expected: operationID, actual: actual) }
        return try await client.send(route, body: body)
    }
}

/// A prepared request of an operation whose method sends a body (POST, PUT, PATCH).
public struct GraphBodyCall: Sendable {
    public let call: GraphCall

    public init(_ client: AnyGraphClient, operation: String, route: DocumentedRoute) {
        call = GraphCall(client, operation: operation, route: route)
    }

    /// Sends the request with `body` passed through as bytes (none for actions that take none).
    @discardableResult
    public func send(body: Data? = nil) async throws -> GraphResponse {
        try await GraphCall.send(call.client, call.operationID, call.route, body)
    }
}
