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

    /// Every way to satisfy the requirement, least → most privileged (`orderedAlternatives`).
    public var alternatives: [[GraphPermission]] { orderedAlternatives(leastPrivileged + higherPrivileged, combinations: combinations) }

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

/// A route's requirements per scheme; `nil` where the docs say nothing. When the requirement
/// depends on the request (the kind of member added, the resource subscribed to), the schemes are
/// `nil` and `variants` holds one requirement per condition.
public struct RoutePermissions: Sendable, Hashable {
    public let delegatedWork: PermissionRequirement?
    public let delegatedPersonal: PermissionRequirement?
    public let application: PermissionRequirement?
    public let variants: [Variant]

    /// One of several requirements, and when it applies ("device", "user"…).
    public struct Variant: Sendable, Hashable {
        public let condition: String
        public let permissions: RoutePermissions
        public init(condition: String, permissions: RoutePermissions) {
            self.condition = condition
            self.permissions = permissions
        }
    }

    public init(delegatedWork: PermissionRequirement?, delegatedPersonal: PermissionRequirement?, application: PermissionRequirement?,
                variants: [Variant] = []) {
        self.delegatedWork = delegatedWork
        self.delegatedPersonal = delegatedPersonal
        self.application = application
        self.variants = variants
    }

    public static let undocumented = RoutePermissions(delegatedWork: nil, delegatedPersonal: nil, application: nil)

    public subscript(scheme: PermissionScheme) -> PermissionRequirement? {
        switch scheme {
        case .delegatedWork: delegatedWork
        case .delegatedPersonal: delegatedPersonal
        case .application: application
        }
    }

    /// The requirement under `scheme`: one, or one per variant (nil where the docs say nothing).
    public func requirements(_ scheme: PermissionScheme) -> [PermissionRequirement?] {
        variants.isEmpty ? [self[scheme]] : variants.map { $0.permissions[scheme] }
    }

    /// Whether `granted` satisfies the route under `scheme`; false where the docs say nothing.
    /// With variants: the named variant's requirement (false for a condition the docs do not
    /// name), or, with none named, every variant's, so that any such request is allowed.
    public func allows(_ scheme: PermissionScheme, granted: Set<GraphPermission>, variant: String? = nil) -> Bool {
        guard !variants.isEmpty else { return self[scheme]?.isSatisfied(by: granted) ?? false }
        guard let variant else { return variants.allSatisfy { $0.permissions.allows(scheme, granted: granted) } }
        return variants.first { $0.condition == variant }?.permissions.allows(scheme, granted: granted) ?? false
    }
}

/// The ways to satisfy a scheme, least → most privileged: each name of `names` (in order) on its
/// own, except that a combination ("A and B") takes the place of its first name. The model's
/// `Scheme.alternatives` and the runtime's `PermissionRequirement.alternatives` both use it.
public func orderedAlternatives<Name: Equatable>(_ names: [Name], combinations: [[Name]]) -> [[Name]] {
    var result: [[Name]] = []
    var emitted: [Int] = []
    for name in names {
        if let c = combinations.firstIndex(where: { $0.contains(name) }) {
            if !emitted.contains(c) {
                emitted.append(c)
                result.append(combinations[c])
            }
        } else if !result.contains([name]) {
            result.append([name])
        }
    }
    return result
}
