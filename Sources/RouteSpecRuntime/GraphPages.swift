import Foundation

/// The pages of a collection: the first response, then each `@odata.nextLink` followed until
/// there is none. `for try await page in client.pages(route)`.
public struct GraphPages: AsyncSequence, Sendable {
    public typealias Element = GraphResponse
    let first: GraphRequest
    let operationID: String
    let send: @Sendable (GraphRequest) async throws -> GraphResponse

    public struct AsyncIterator: AsyncIteratorProtocol {
        var next: GraphRequest?
        let operationID: String
        let send: @Sendable (GraphRequest) async throws -> GraphResponse

        public mutating func next() async throws -> GraphResponse? {
            guard let request = next else { return nil }
            let response = try await send(request)
            guard (200..<300).contains(response.status) else {
                next = nil
                throw GraphError(method: request.method, path: request.path, operationID: operationID, response: response)
            }
            next = GraphPages.nextLink(in: response.body).map { GraphRequest(method: "GET", path: $0, headers: request.headers) }
            return response
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(next: first, operationID: operationID, send: send) }

    /// Every item of every page's `value`, decoded into the caller's type.
    public func items<T: Decodable & Sendable>(_ type: T.Type = T.self) -> GraphItems<T> { GraphItems(pages: self) }

    /// The path and query of a page's `@odata.nextLink` (its host dropped).
    static func nextLink(in body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let link = object["@odata.nextLink"] as? String, let url = URLComponents(string: link) else { return nil }
        return url.percentEncodedPath + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
    }
}

/// The items of a collection across its pages.
public struct GraphItems<T: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = T
    let pages: GraphPages

    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: GraphPages.AsyncIterator
        var buffered: [T] = []

        public mutating func next() async throws -> T? {
            while buffered.isEmpty {
                guard let page = try await pages.next() else { return nil }
                buffered = try page.decode(Page.self).value.reversed()
            }
            return buffered.removeLast()
        }

        struct Page: Decodable { let value: [T] }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pages: pages.makeAsyncIterator()) }
}
