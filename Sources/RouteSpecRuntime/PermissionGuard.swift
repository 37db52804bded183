import Foundation

/// Refuses, before anything leaves the process, a call whose route the token's permissions
/// cannot satisfy: it reads the token the request is about to carry (`scp`: delegated, `roles`:
/// application; the signature is not checked). Routes whose permissions the docs leave
/// undocumented pass, unless `refusesUndocumented` is set.
public struct PermissionGuard: Sendable {
    public let token: @Sendable () async throws -> String
    /// The scheme to check under; nil: delegated (work or school) for `scp`, application for `roles`.
    public var scheme: PermissionScheme?
    public var refusesUndocumented: Bool

    public init(token: @escaping @Sendable () async throws -> String, scheme: PermissionScheme? = nil, refusesUndocumented: Bool = false) {
        self.token = token
        self.scheme = scheme
        self.refusesUndocumented = refusesUndocumented
    }

    /// Throws `GraphPermissionDenied` when the grant does not satisfy the route (under `variant`,
    /// where the request decides; without it, under every variant).
    public func check(_ route: some GraphRoute, variant: String? = nil) async throws {
        let claims = try TokenClaims(jwt: try await token())
        let kind = scheme ?? (claims.delegated.isEmpty && !claims.application.isEmpty ? .application : .delegatedWork)
        let granted = Set((kind == .application ? claims.application : claims.delegated).map(GraphPermission.init(rawValue:)))
        let permissions = route.permissions
        let documented = permissions.requirements(kind).contains { $0 != nil }
        if !documented && !refusesUndocumented { return }
        guard !permissions.allows(kind, granted: granted, variant: variant) else { return }
        let requirement = variant.flatMap { v in permissions.variants.first { $0.condition == v }?.permissions[kind] }
            ?? permissions[kind] ?? permissions.variants.first?.permissions[kind]
        throw GraphPermissionDenied(method: route.method, path: route.versionedPath, scheme: kind, granted: granted.sorted(),
                                    leastPrivileged: requirement?.alternatives.first ?? [], supported: requirement?.isSupported ?? false,
                                    source: route.descriptor.source)
    }
}

/// A call refused before it was sent: the grant does not hold what the docs say the route needs.
public struct GraphPermissionDenied: Error, Sendable, CustomStringConvertible {
    public let method: String
    public let path: String
    public let scheme: PermissionScheme
    public let granted: [GraphPermission]
    /// The least privileged way to satisfy the route (empty when the scheme is not supported or not documented).
    public let leastPrivileged: [GraphPermission]
    public let supported: Bool
    /// `page:line` of the docs that state the requirement.
    public let source: String

    public var description: String {
        let need = !supported ? "the route does not support \(scheme.rawValue)"
            : leastPrivileged.isEmpty ? "the docs do not document \(scheme.rawValue) permissions for it"
            : "it needs \(leastPrivileged.map(\.rawValue).joined(separator: " + ")) or higher"
        return "\(method) \(path) refused before sending: \(need) (\(source)); the token grants \(granted.isEmpty ? "nothing" : granted.map(\.rawValue).joined(separator: ", "))"
    }
}
