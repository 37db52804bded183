#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

public struct GraphRequest: Sendable, Equatable {
    public var method: String
    /// Path with the API version and any query, e.g. `/v1.0/users/a%2Fb`.
    public var path: String
    public var headers: [String: String]
    public var body: Data?

    public init(method: String, path: String, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }
}

public struct GraphResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// The HTTP layer, supplied by the app (authentication, retries, logging live there).
public protocol GraphTransport: Sendable {
    func send(_ request: GraphRequest) async throws -> GraphResponse
}

/// A route value no generated function made (a hand-built `DocumentedRoute` with a name its table lacks).
public struct GraphUndocumentedRoute: Error, Sendable, CustomStringConvertible {
    public let name: String
    public var description: String { "no documented route is named '\(name)'" }
}

/// A generated client method was given a route of another operation.
public struct GraphWrongOperation: Error, Sendable, CustomStringConvertible {
    public let expected: String
    public let actual: String
    public var description: String { "the route belongs to operation '\(actual)', not '\(expected)'" }
}
