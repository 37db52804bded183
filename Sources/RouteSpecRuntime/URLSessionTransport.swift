#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

/// A transport over `URLSession` (FoundationNetworking on Linux) with a bearer token.
public struct URLSessionTransport: GraphTransport {
    public let baseURL: URL
    public let token: @Sendable () async throws -> String
    private let session: URLSession

    public init(baseURL: URL = URL(string: "https://graph.microsoft.com")!, session: URLSession = .shared,
                token: @escaping @Sendable () async throws -> String) {
        self.baseURL = baseURL
        self.session = session
        self.token = token
    }

    public func send(_ request: GraphRequest) async throws -> GraphResponse {
        guard let url = URL(string: baseURL.absoluteString.trimmingSuffix("/") + request.path) else {
            throw URLError(.badURL)
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (k, v) in request.headers { urlRequest.setValue(v, forHTTPHeaderField: k) }
        urlRequest.setValue("Bearer \(try await token())", forHTTPHeaderField: "Authorization")
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields {
            if let k = k as? String, let v = v as? String { headers[k] = v }
        }
        return GraphResponse(status: http.statusCode, headers: headers, body: data)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
