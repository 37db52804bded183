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
