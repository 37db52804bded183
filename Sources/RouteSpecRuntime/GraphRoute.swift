/// What the routes of one operation (one documented page) share.
public struct OperationInfo: Sendable, Hashable {
    public let apiVersion: String
    public let id: String
    public let name: String
    /// Documented success status codes; empty when the docs name none (then any 2xx is accepted).
    public let expectedStatuses: [Int]
    /// The page that documents the operation (the newest source).
    public let source: String
    /// Permissions documented for the operation; a route may override them.
    public let permissions: RoutePermissions

    public init(apiVersion: String, id: String, name: String, expectedStatuses: [Int], source: String, permissions: RoutePermissions) {
        self.apiVersion = apiVersion
        self.id = id
        self.name = name
        self.expectedStatuses = expectedStatuses
        self.source = source
        self.permissions = permissions
    }
}

/// Everything about one documented route that does not depend on argument values.
public struct RouteDescriptor: Sendable {
    /// The name of the generated function that makes the route.
    public let name: String
    public let operation: OperationInfo
    public let method: String
    public let template: PathTemplate
    public let permissions: RoutePermissions
    /// Line of the route in the source page.
    public let line: Int

    public init(name: String, operation: OperationInfo, method: String, template: String, permissions: RoutePermissions, line: Int) {
        self.name = name
        self.operation = operation
        self.method = method
        self.template = PathTemplate(template)
        self.permissions = permissions
        self.line = line
    }

    public var apiVersion: String { operation.apiVersion }
    public var operationID: String { operation.id }
    public var operationName: String { operation.name }
    public var expectedStatuses: [Int] { operation.expectedStatuses }
    /// `path:line` of the page that documents the route.
    public var source: String { "\(operation.source):\(line)" }
    /// False only for a selection no generated function made (see `RouteTable.descriptor(named:)`).
    public var isDocumented: Bool { !method.isEmpty }

    public func accepts(status: Int) -> Bool {
        expectedStatuses.isEmpty ? (200..<300).contains(status) : expectedStatuses.contains(status)
    }
}

/// A route with its arguments.
public protocol GraphRoute: Sendable {
    var descriptor: RouteDescriptor { get }
    /// Values for the template's placeholders, in order.
    var arguments: [String] { get }
}

extension GraphRoute {
    public var method: String { descriptor.method }
    public var permissions: RoutePermissions { descriptor.permissions }
    public var expectedStatuses: [Int] { descriptor.expectedStatuses }
    /// The path below the version, arguments percent-encoded: `/users/a%2Fb`.
    public var path: String { descriptor.template.render(arguments) }
    /// The path with the version: `/v1.0/users/a%2Fb`.
    public var versionedPath: String { "/" + descriptor.apiVersion + path }
}

/// Which route of a table (by its generated function's name), with which path arguments.
public struct RouteSelection: Sendable, Hashable {
    public let name: String
    public let arguments: [String]

    public init(_ name: String, _ arguments: [String]) {
        self.name = name
        self.arguments = arguments
    }
}

/// A documented route with its arguments: what the generated static functions return
/// (`GraphV1.Users.ManagedDevices.get(usersId:managedDeviceId:)`). Its table row holds the method,
/// path, operation, statuses and permissions. Every generated route is this one type, not a type
/// per route group: a conformance per group costs the Swift compiler more than the routes do.
public struct DocumentedRoute: GraphRoute, Hashable {
    /// The route table of the group that made the route.
    public let table: RouteTable
    public let selection: RouteSelection

    public init(_ table: RouteTable, _ name: String, _ arguments: [String]) {
        self.table = table
        self.selection = RouteSelection(name, arguments)
    }

    public var descriptor: RouteDescriptor { table.descriptor(named: selection.name) }
    public var arguments: [String] { selection.arguments }

    public static func == (a: DocumentedRoute, b: DocumentedRoute) -> Bool {
        a.table === b.table && a.selection == b.selection
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(table))
        hasher.combine(selection)
    }
}
