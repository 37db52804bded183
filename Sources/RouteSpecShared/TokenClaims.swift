import Foundation

/// The permissions an access token grants, read from its claims: `scp` (space-separated,
/// delegated) and `roles` (application). The signature is not checked: this says what a token
/// claims, not whether it is genuine.
public struct TokenClaims: Sendable, Equatable {
    public var delegated: [String]
    public var application: [String]

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A JWT (`header.payload.signature`, base64url), surrounding spaces and a `Bearer ` prefix allowed.
    public init(jwt: String) throws {
        var token = jwt.trimmingCharacters(in: .whitespacesAndNewlines)
        if token.lowercased().hasPrefix("bearer ") { token = String(token.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Self.base64URL(String(parts[1])),
              let claims = try? JSONSerialization.jsonObject(with: payload) as? [String: Any] else {
            throw Failure(description: "not a JWT (header.payload.signature with a JSON payload)")
        }
        delegated = (claims["scp"] as? String)?.split(separator: " ").map(String.init) ?? []
        application = (claims["roles"] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    private static func base64URL(_ s: String) -> Data? {
        var b = s.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b.count % 4 != 0 { b += "=" }
        return Data(base64Encoded: b)
    }
}
