import RouteSpecShared

/// The permissions one scheme (delegated work/school, delegated personal, application) needs.
public struct Scheme: Sendable, Hashable {
    public var supported: Bool
    /// Least privileged first. For an old-style list: its least privileged entry.
    public var leastPrivileged: [String]
    /// The rest, least → most privileged.
    public var higherPrivileged: [String]
    /// Cell text that could not be read as permission names, verbatim.
    public var unparsed: [String]
    /// Permissions that must be granted together ("A and B"); their names also appear in the lists.
    public var combinations: [[String]]
    /// The docs say no permission is needed ("None"): supported with empty lists.
    public var noPermissionRequired: Bool
    /// The least privileged item could not be read: `leastPrivileged` is empty, the names read
    /// are in `higherPrivileged`.
    public var incomplete = false
    /// Names repaired to the permission vocabulary's spelling, with the spelling the docs use.
    public var docsSpelling: [String: String] = [:]

    public init(supported: Bool, leastPrivileged: [String] = [], higherPrivileged: [String] = [], unparsed: [String] = [],
                combinations: [[String]] = [], noPermissionRequired: Bool = false) {
        self.supported = supported
        self.leastPrivileged = leastPrivileged
        self.higherPrivileged = higherPrivileged
        self.unparsed = unparsed
        self.combinations = combinations
        self.noPermissionRequired = noPermissionRequired
    }

    public static let unsupported = Scheme(supported: false)

    public var allNames: [String] { leastPrivileged + higherPrivileged }

    /// The ways to satisfy the scheme, least → most privileged: each the names that must all be
    /// granted together (a combination takes the place of its first name in the lists).
    public var alternatives: [[String]] { orderedAlternatives(allNames, combinations: combinations) }
}

public enum SchemeKind: String, Sendable, CaseIterable, Comparable {
    case delegatedWork, delegatedPersonal, application

    public static func < (a: SchemeKind, b: SchemeKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public struct PermissionSet: Sendable, Hashable {
    public var delegatedWork: Scheme?
    public var delegatedPersonal: Scheme?
    public var application: Scheme?
    /// Where the requirement comes from when not from the page: `catalog` (its include was missing).
    public var from: String? = nil

    public init(delegatedWork: Scheme? = nil, delegatedPersonal: Scheme? = nil, application: Scheme? = nil) {
        self.delegatedWork = delegatedWork
        self.delegatedPersonal = delegatedPersonal
        self.application = application
    }

    public subscript(kind: SchemeKind) -> Scheme? {
        get {
            switch kind {
            case .delegatedWork: delegatedWork
            case .delegatedPersonal: delegatedPersonal
            case .application: application
            }
        }
        set {
            switch kind {
            case .delegatedWork: delegatedWork = newValue
            case .delegatedPersonal: delegatedPersonal = newValue
            case .application: application = newValue
            }
        }
    }

    public var isEmpty: Bool { delegatedWork == nil && delegatedPersonal == nil && application == nil }
    public var hasAllSchemes: Bool { delegatedWork != nil && delegatedPersonal != nil && application != nil }
}

/// One of several requirements of a route, and when it applies: "device", "user" (the English
/// label of the resource where the docs give one), else the table's heading as written.
public struct PermissionVariant: Sendable, Hashable {
    public var condition: String
    public var permissions: PermissionSet

    public init(condition: String, permissions: PermissionSet) {
        self.condition = condition
        self.permissions = permissions
    }
}
