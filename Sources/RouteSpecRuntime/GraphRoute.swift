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

/// Which route of a group (by its function's name), with which path arguments.
public struct RouteSelection: Sendable, Hashable {
    public let name: String
    public let arguments: [String]

    public init(_ name: String, _ arguments: [String]) {
        self.name = name
        self.arguments = arguments
    }
}

/// The routes under one path prefix (`/users/{id}/managedDevices/…`): a value is one route with
/// its arguments, made by the generated static functions, one per documented route.
public protocol GraphRouteGroup: GraphRoute {
    static var table: RouteTable { get }
    var selection: RouteSelection { get }
    init(_ selection: RouteSelection)
}

extension GraphRouteGroup {
    public var descriptor: RouteDescriptor { Self.table.descriptor(named: selection.name) }
    public var arguments: [String] { selection.arguments }

    /// The route named `name` with `arguments`, if the group has it and the argument count fits.
    public init?(routeNamed name: String, arguments: [String]) {
        guard let d = Self.table.descriptorIfPresent(named: name), d.template.placeholders.count == arguments.count else { return nil }
        self.init(RouteSelection(name, arguments))
    }
}
