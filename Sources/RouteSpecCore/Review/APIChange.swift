/// One difference between two models that matters to someone calling the API: a route, a
/// method, a status code or a permission, classified by what it does to access.
public struct APIChange: Sendable, Equatable {
    public enum Impact: String, Sendable, CaseIterable, Comparable {
        /// More access possible or required: a new route, a scheme newly supported, a permission
        /// added, least privilege changed.
        case widening
        /// Less access: a route, scheme or permission gone.
        case narrowing
        /// Neither: status codes, a method renamed in place.
        case neutral

        public static func < (a: Impact, b: Impact) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    public enum Kind: String, Sendable {
        case operationAdded = "operation-added"
        case operationRemoved = "operation-removed"
        case routeAdded = "route-added"
        case routeRemoved = "route-removed"
        case methodChanged = "method-changed"
        case statusChanged = "status-changed"
        case schemeSupported = "scheme-supported"
        case schemeDropped = "scheme-dropped"
        case permissionAdded = "permission-added"
        case permissionRemoved = "permission-removed"
        case leastPrivilegedChanged = "least-privileged-changed"
        case noPermissionRequired = "no-permission-required"
        case permissionRequired = "permission-required"
        case variantAdded = "variant-added"
        case variantRemoved = "variant-removed"
    }

    public var impact: Impact
    public var kind: Kind
    public var apiVersion: String
    public var operationID: String
    public var operationName: String
    /// `METHOD /path`; nil when the change applies to every route of the operation.
    public var route: String?
    public var scheme: SchemeKind?
    /// The condition of the permission variant the change concerns, if any.
    public var variant: String? = nil
    public var before: [String]
    public var after: [String]

    /// One line for a person: "application: now supported (least privileged `X`)".
    public var summary: String { (variant.map { "[\($0)] " } ?? "") + (scheme.map { SchemeLabel.english($0) + ": " } ?? "") + detail }

    /// The summary without its scheme: "now supported (least privileged `X`)".
    public var detail: String {
        func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.map { "`\($0)`" }.joined(separator: ", ") }
        switch kind {
        case .operationAdded: return "operation added" + (after.isEmpty ? "" : " with " + list(after))
        case .operationRemoved: return "operation removed" + (before.isEmpty ? "" : " (had " + list(before) + ")")
        case .routeAdded: return "route added"
        case .routeRemoved: return "route removed"
        case .methodChanged: return "method changed from \(before.joined()) to \(after.joined())"
        case .statusChanged: return "success status changed from \(before.isEmpty ? "undocumented" : before.joined(separator: ", ")) to \(after.isEmpty ? "undocumented" : after.joined(separator: ", "))"
        case .schemeSupported: return "now supported (least privileged \(list(after)))" + (before.isEmpty ? "" : "; was \(before.joined())")
        case .schemeDropped: return (after == ["not documented"] ? "no longer documented" : "no longer supported") + " (was \(list(before)))"
        case .permissionAdded: return "permission added: " + list(after)
        case .permissionRemoved: return "permission removed: " + list(before)
        case .leastPrivilegedChanged: return "least privileged changed from \(list(before)) to \(list(after))"
        case .noPermissionRequired: return "no permission required any more"
        case .permissionRequired: return "a permission is now required"
        case .variantAdded: return "permission variant added" + (after.isEmpty ? "" : " (least privileged " + list(after) + ")")
        case .variantRemoved: return "permission variant removed" + (before.isEmpty ? "" : " (was " + list(before) + ")")
        }
    }

    /// Widening first, then by version, operation, route, scheme and kind.
    static func ordered(_ a: APIChange, _ b: APIChange) -> Bool {
        a.sortKey.lexicographicallyPrecedes(b.sortKey)
    }

    private var sortKey: [String] {
        [String(Impact.allCases.firstIndex(of: impact)!), apiVersion, operationID, route ?? "", variant ?? "", scheme.map(\.rawValue) ?? "", kind.rawValue,
         before.joined(separator: ","), after.joined(separator: ",")]
    }
}

extension SchemeLabel {
    static func english(_ kind: SchemeKind) -> String {
        switch kind {
        case .delegatedWork: "delegated (work or school)"
        case .delegatedPersonal: "delegated (personal)"
        case .application: "application"
        }
    }
}
