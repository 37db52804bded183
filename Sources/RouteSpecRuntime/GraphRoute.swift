/// What the routes of one operation (one documented page) share.
public struct OperationInfo: Sendable {
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

/// One route as generated code writes it; `RouteDescriptor.list` completes it with the operation.
public struct RouteSpec: Sendable {
    public let method: String
    public let template: String
    public let line: Int
    /// Only where the route's permissions differ from the operation's.
    public let permissions: RoutePermissions?

    public init(_ method: String, _ template: String, line: Int, permissions: RoutePermissions? = nil) {
        self.method = method
        self.template = template
        self.line = line
        self.permissions = permissions
    }
}

/// Everything about one documented route that does not depend on argument values.
public struct RouteDescriptor: Sendable {
    public let operation: OperationInfo
    public let method: String
    public let template: PathTemplate
    public let permissions: RoutePermissions
    /// Line of the route in the source page.
    public let line: Int

    public init(_ operation: OperationInfo, _ method: String, _ template: String, _ permissions: RoutePermissions, line: Int) {
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

    public func accepts(status: Int) -> Bool {
        expectedStatuses.isEmpty ? (200..<300).contains(status) : expectedStatuses.contains(status)
    }

    /// The descriptors of an operation's routes, in order.
    public static func list(_ operation: OperationInfo, _ routes: [RouteSpec]) -> [RouteDescriptor] {
        routes.map { RouteDescriptor(operation, $0.method, $0.template, $0.permissions ?? operation.permissions, line: $0.line) }
    }
}

/// A route with its arguments: generated enums conform, one case per documented route.
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

/// Which of an operation's routes, with which path arguments.
public struct RouteSelection: Sendable, Hashable {
    public let index: Int
    public let arguments: [String]

    public init(_ index: Int, _ arguments: [String]) {
        self.index = index
        self.arguments = arguments
    }
}

/// An operation (one documented page): a value is one of its routes with arguments, made by the
/// generated static functions (`.users(id: "…")`), one per documented route.
public protocol GraphOperation: GraphRoute {
    /// One descriptor per route, in the order of the generated functions.
    static var descriptors: [RouteDescriptor] { get }
    var selection: RouteSelection { get }
    init(_ selection: RouteSelection)
}

extension GraphOperation {
    public static var info: OperationInfo { descriptors[0].operation }
    public var descriptor: RouteDescriptor { Self.descriptors[selection.index] }
    public var arguments: [String] { selection.arguments }

    /// The route at `descriptorIndex` with `arguments`, if the index and argument count fit.
    public init?(descriptorIndex: Int, arguments: [String]) {
        guard Self.descriptors.indices.contains(descriptorIndex),
              Self.descriptors[descriptorIndex].template.placeholders.count == arguments.count else { return nil }
        self.init(RouteSelection(descriptorIndex, arguments))
    }
}
