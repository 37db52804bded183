import Foundation

/// A response whose status is not 2xx, with Graph's error JSON decoded where there is one
/// (`{"error": {"code", "message", "innerError": {"request-id", "client-request-id", "date"}}}`)
/// and the raw response kept.
public struct GraphError: Error, Sendable, CustomStringConvertible {
    public let method: String
    public let path: String
    /// The operation the route belongs to.
    public let operationID: String
    public let response: GraphResponse
    public let code: String?
    public let message: String?
    public let innerCode: String?
    public let requestID: String?
    public let clientRequestID: String?
    public let date: String?

    public var status: Int { response.status }

    public init(method: String, path: String, operationID: String, response: GraphResponse) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.response = response
        let body = try? JSONDecoder().decode(Body.self, from: response.body)
        code = body?.error.code
        message = body?.error.message
        innerCode = body?.error.innerError?.code
        requestID = body?.error.innerError?.requestID ?? response.header("request-id")
        clientRequestID = body?.error.innerError?.clientRequestID ?? response.header("client-request-id")
        date = body?.error.innerError?.date ?? response.header("date")
    }

    public var description: String {
        "\(method) \(path) (\(operationID)) failed with \(status)" + (code.map { " \($0)" } ?? "") + (message.map { ": \($0)" } ?? "")
            + (requestID.map { " [request-id \($0)]" } ?? "")
    }

    private struct Body: Decodable {
        struct Inner: Decodable {
            let code: String?
            let requestID: String?
            let clientRequestID: String?
            let date: String?
            enum CodingKeys: String, CodingKey {
                case code, date
                case requestID = "request-id"
                case clientRequestID = "client-request-id"
            }
        }
        struct Detail: Decodable {
            let code: String?
            let message: String?
            let innerError: Inner?
        }
        let error: Detail
    }
}

/// A 2xx status the docs do not name for the route: reported through
/// `GraphClient.onUndocumentedStatus`, never thrown (the request has had its effect).
public struct GraphUndocumentedStatus: Sendable {
    public let method: String
    public let path: String
    public let operationID: String
    public let status: Int
    public let documented: [Int]
}
