import Foundation

/// Sends routes over an app-supplied transport. Any 2xx is success (a status the docs do not
/// name is reported to `onUndocumentedStatus`, never thrown: the request has had its effect);
/// any other status throws `GraphError` with Graph's error JSON decoded.
public struct GraphClient<Transport: GraphTransport>: Sendable {
    public let transport: Transport
    /// Headers sent with every request (e.g. `Accept`).
    public var headers: [String: String]
    /// Told of each 2xx status the docs do not name for its route.
    public var onUndocumentedStatus: (@Sendable (GraphUndocumentedStatus) -> Void)?
    /// When set, every call is checked against the token's permissions before it is sent.
    public var permissionGuard: PermissionGuard?

    public init(transport: Transport, headers: [String: String] = ["Accept": "application/json"],
                onUndocumentedStatus: (@Sendable (GraphUndocumentedStatus) -> Void)? = nil, permissionGuard: PermissionGuard? = nil) {
        self.transport = transport
        self.headers = headers
        self.onUndocumentedStatus = onUndocumentedStatus
        self.permissionGuard = permissionGuard
    }

    /// Sends `route` with the query options, extra headers and `body` passed through as bytes.
    /// `$search` and `$count` add `ConsistencyLevel: eventual` unless a header sets it.
    @discardableResult
    public func send(_ route: some GraphRoute, query: GraphQuery = GraphQuery(), headers extra: [String: String] = [:],
                     body: Data? = nil) async throws -> GraphResponse {
        let request = try request(route, query: query, headers: extra, body: body)
        try await permissionGuard?.check(route)
        let response = try await transport.send(request)
        try check(response, of: route, request)
        return response
    }

    /// Sends `route` with `json` encoded as Graph reads it (ISO 8601 dates) as its body.
    @discardableResult
    public func send(_ route: some GraphRoute, query: GraphQuery = GraphQuery(), headers extra: [String: String] = [:],
                     json: some Encodable) async throws -> GraphResponse {
        try await send(route, query: query, headers: extra, body: try GraphJSON.encoder().encode(json))
    }

    /// The pages of a collection route, following `@odata.nextLink`.
    public func pages(_ route: some GraphRoute, query: GraphQuery = GraphQuery(), headers extra: [String: String] = [:]) throws -> GraphPages {
        let first = try request(route, query: query, headers: extra, body: nil)
        let transport = self.transport, permissionGuard = self.permissionGuard
        return GraphPages(first: first, operationID: route.descriptor.operationID, send: { request in
            if request == first { try await permissionGuard?.check(route) }
            return try await transport.send(request)
        })
    }

    func request(_ route: some GraphRoute, query: GraphQuery, headers extra: [String: String], body: Data?) throws -> GraphRequest {
        let descriptor = route.descriptor
        guard descriptor.isDocumented else { throw GraphUndocumentedRoute(name: descriptor.name) }
        var all = headers
        for (k, v) in extra { all[k] = v }
        if query.needsEventualConsistency && !all.keys.contains(where: { $0.lowercased() == "consistencylevel" }) { all["ConsistencyLevel"] = "eventual" }
        if body != nil && !all.keys.contains(where: { $0.lowercased() == "content-type" }) { all["Content-Type"] = "application/json" }
        return GraphRequest(method: descriptor.method, path: route.versionedPath + query.encoded, headers: all, body: body)
    }

    func check(_ response: GraphResponse, of route: some GraphRoute, _ request: GraphRequest) throws {
        let descriptor = route.descriptor
        guard (200..<300).contains(response.status) else {
            throw GraphError(method: request.method, path: request.path, operationID: descriptor.operationID, response: response)
        }
        if !descriptor.accepts(status: response.status) {
            onUndocumentedStatus?(GraphUndocumentedStatus(method: request.method, path: request.path, operationID: descriptor.operationID,
                                                          status: response.status, documented: descriptor.expectedStatuses))
        }
    }
}

/// A `GraphClient` with its transport type erased. The generated per-version clients wrap one, so
/// their many methods are not generic: a generic async method costs the compiler noticeably more.
public struct AnyGraphClient: Sendable {
    private let sendRoute: @Sendable (any GraphRoute, GraphQuery, [String: String], Data?) async throws -> GraphResponse

    public init<Transport>(_ client: GraphClient<Transport>) {
        sendRoute = { route, query, headers, body in try await client.send(route, query: query, headers: headers, body: body) }
    }

    @discardableResult
    public func send(_ route: any GraphRoute, query: GraphQuery = GraphQuery(), headers: [String: String] = [:], body: Data? = nil) async throws -> GraphResponse {
        try await sendRoute(route, query, headers, body)
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

    /// Sends the request with its query options and headers; throws `GraphError` for a non-2xx
    /// status, `GraphWrongOperation` for another operation's route.
    @discardableResult
    public func send(query: GraphQuery = GraphQuery(), headers: [String: String] = [:]) async throws -> GraphResponse {
        try await GraphCall.send(client, operationID, route, query, headers, nil)
    }

    static func send(_ client: AnyGraphClient, _ operationID: String, _ route: any GraphRoute, _ query: GraphQuery,
                     _ headers: [String: String], _ body: Data?) async throws -> GraphResponse {
        let actual = route.descriptor.operationID
        guard actual == operationID else { throw GraphWrongOperation(expected: operationID, actual: actual) }
        return try await client.send(route, query: query, headers: headers, body: body)
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
    public func send(body: Data? = nil, query: GraphQuery = GraphQuery(), headers: [String: String] = [:]) async throws -> GraphResponse {
        try await GraphCall.send(call.client, call.operationID, call.route, query, headers, body)
    }

    /// Sends the request with `json` encoded as its body.
    @discardableResult
    public func send(json: some Encodable, query: GraphQuery = GraphQuery(), headers: [String: String] = [:]) async throws -> GraphResponse {
        try await send(body: try GraphJSON.encoder().encode(json), query: query, headers: headers)
    }
}
