import Foundation

/// Sends again, a bounded number of times, when Graph asks the caller to wait: 429, 503 and 504,
/// after the response's `Retry-After` (seconds or an HTTP date), else after 1, 2, 4… seconds;
/// never waits longer than `maxDelay`. The last response is returned as it is.
public struct RetryingTransport<Base: GraphTransport>: GraphTransport {
    public let base: Base
    public let maxAttempts: Int
    public let maxDelay: Duration
    private let sleep: @Sendable (Duration) async throws -> Void

    public init(_ base: Base, maxAttempts: Int = 4, maxDelay: Duration = .seconds(60),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.base = base
        self.maxAttempts = max(1, maxAttempts)
        self.maxDelay = maxDelay
        self.sleep = sleep
    }

    public static var retriedStatuses: Set<Int> { [429, 503, 504] }

    public func send(_ request: GraphRequest) async throws -> GraphResponse {
        var attempt = 1
        while true {
            let response = try await base.send(request)
            guard Self.retriedStatuses.contains(response.status), attempt < maxAttempts else { return response }
            let wait = Self.retryAfter(response) ?? .seconds(1 << (attempt - 1))
            try await sleep(min(wait, maxDelay))
            attempt += 1
        }
    }

    /// `Retry-After: 7` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`.
    static func retryAfter(_ response: GraphResponse, now: Date = Date()) -> Duration? {
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "GMT")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = format.date(from: value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
    }
}
