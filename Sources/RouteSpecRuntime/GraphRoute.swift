/// Everything about one documented route that does not depend on argument values.
public struct RouteDescriptor: Sendable {
    public let apiVersion: String
    public let operationID: String
    public let operationName: String
    public let method: String
    public let template: PathTemplate
    public let permissions: RoutePermissions
    /// Documented success status codes; empty when the docs name none (then any 2xx is accepted).
    public let expectedStatuses: [Int]
    /// `path:line` of the page that documents the route.
    public let source: String

    public init(apiVersion: String, operationID: String, operationName: String, method: String, template: String,
                permissions: RoutePermissions, expectedStatuses: [Int], source: String) {
        self.apiVersion = apiVersion
        self.operationID = operationID
        self.operationName = operationName
        self.method = method
        self.template = PathTemplate(template)
        self.permissions = permissions
        self.expectedStatuses = expectedStatuses
        self.source = source
    }

    public func accepts(status: Int) -> Bool {
        expectedStatuses.isEmpty ? (200..<300).contains(status) : expectedStatuses.contains(status)
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

/// An operation (one documented page): its routes as one enum, constructible from a match.
public protocol GraphOperation: GraphRoute {
    /// One descriptor per case, in declaration order.
    static var descriptors: [RouteDescriptor] { get }
    init?(descriptorIndex: Int, arguments: [String])
}
