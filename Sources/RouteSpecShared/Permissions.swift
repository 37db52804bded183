/// A permission name as the docs spell it, e.g. `User.Read.All`.
public struct GraphPermission: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: GraphPermission, b: GraphPermission) -> Bool { a.rawValue < b.rawValue }
}

/// The three ways an app can be granted access.
public enum PermissionScheme: String, Sendable, CaseIterable {
    case delegatedWork, delegatedPersonal, application
}

/// What one scheme needs to call a route: the least privileged permissions, the higher ones that
/// also work, and permissions that only count together.
public struct PermissionRequirement: Sendable, Hashable {
    public let isSupported: Bool
    public let leastPrivileged: [GraphPermission]
    public let higherPrivileged: [GraphPermission]
    /// Permissions that must all be granted ("A and B"); their names also appear in the lists.
    public let combinations: [[GraphPermission]]
    /// The docs say no permission is needed.
    public let noPermissionRequired: Bool
    /// Cell text the compiler could not read as names; when present the requirement is incomplete.
    public let unparsed: [String]

    public init(leastPrivileged: [GraphPermission], higherPrivileged: [GraphPermission] = [],
                combinations: [[GraphPermission]] = [], noPermissionRequired: Bool = false, unparsed: [String] = []) {
        self.isSupported = true
        self.leastPrivileged = leastPrivileged
        self.higherPrivileged = higherPrivileged
        self.combinations = combinations
        self.noPermissionRequired = noPermissionRequired
        self.unparsed = unparsed
    }

    private init(unsupported: Void) {
        isSupported = false
        leastPrivileged = []
        higherPrivileged = []
        combinations = []
        noPermissionRequired = false
        unparsed = []
    }

    public static let unsupported = PermissionRequirement(unsupported: ())
    public static let noneRequired = PermissionRequirement(leastPrivileged: [], noPermissionRequired: true)

    /// Every way to satisfy the requirement: single permissions, or combinations.
    public var alternatives: [[GraphPermission]] {
        let combined = Set(combinations.flatMap { $0 })
        let singles = (leastPrivileged + higherPrivileged).filter { !combined.contains($0) }.map { [$0] }
        return singles + combinations
    }

    /// Whether `granted` scopes satisfy this requirement: the least or any higher permission, or
    /// every permission of a combination. Names compare case-insensitively, as tokens carry them.
    public func isSatisfied(by granted: Set<GraphPermission>) -> Bool {
        guard isSupported else { return false }
        if noPermissionRequired { return true }
        let have = Set(granted.map { $0.rawValue.lowercased() })
        return alternatives.contains { alternative in
            !alternative.isEmpty && alternative.allSatisfy { have.contains($0.rawValue.lowercased()) }
        }
    }
}

/// A route's requirements per scheme; `nil` where the docs say nothing.
public struct RoutePermissions: Sendable, Hashable {
    public let delegatedWork: PermissionRequirement?
    public let delegatedPersonal: PermissionRequirement?
    public let application: PermissionRequirement?

    public init(delegatedWork: PermissionRequirement?, delegatedPersonal: PermissionRequirement?, application: PermissionRequirement?) {
        self.delegatedWork = delegatedWork
        self.delegatedPersonal = delegatedPersonal
        self.application = application
    }

    public static let undocumented = RoutePermissions(delegatedWork: nil, delegatedPersonal: nil, application: nil)

    public subscript(scheme: PermissionScheme) -> PermissionRequirement? {
        switch scheme {
        case .delegatedWork: delegatedWork
        case .delegatedPersonal: delegatedPersonal
        case .application: application
        }
    }

    /// Whether `granted` satisfies the route under `scheme`; false where the docs say nothing.
    public func allows(_ scheme: PermissionScheme, granted: Set<GraphPermission>) -> Bool {
        self[scheme]?.isSatisfied(by: granted) ?? false
    }
}
