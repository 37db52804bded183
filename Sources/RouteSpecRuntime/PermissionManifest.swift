import Foundation

/// The permissions an app asks for, per scheme: a small JSON file the app commits
/// (`{"delegatedWork": ["Mail.Send", "User.Read"]}`), checked in its tests against the routes a
/// recording of its calls shows.
public struct PermissionManifest: Codable, Sendable, Equatable {
    public var delegatedWork: [String]?
    public var delegatedPersonal: [String]?
    public var application: [String]?

    public init(delegatedWork: [String]? = nil, delegatedPersonal: [String]? = nil, application: [String]? = nil) {
        self.delegatedWork = delegatedWork
        self.delegatedPersonal = delegatedPersonal
        self.application = application
    }

    public subscript(scheme: PermissionScheme) -> [String]? {
        switch scheme {
        case .delegatedWork: delegatedWork
        case .delegatedPersonal: delegatedPersonal
        case .application: application
        }
    }

    public static func load(_ url: URL) throws -> PermissionManifest { try JSONDecoder().decode(Self.self, from: Data(contentsOf: url)) }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// What the manifest lacks and holds in excess, for the routes recorded.
    public struct Findings: Sendable, Equatable, CustomStringConvertible {
        /// Routes the manifest's permissions do not satisfy, with the least privileged way that would and its docs line.
        public var uncovered: [String]
        /// Manifest permissions no recorded route accepts.
        public var unused: [String]
        public var isEmpty: Bool { uncovered.isEmpty && unused.isEmpty }
        public var description: String {
            (uncovered.map { "not covered: \($0)" } + unused.map { "not needed by any recorded call: \($0)" }).joined(separator: "\n")
        }
    }

    /// Checks the routes recorded under `scheme`: each must be allowed by the manifest's
    /// permissions, and each permission must be accepted by some route.
    public func check(_ routes: [any GraphRoute], scheme: PermissionScheme) -> Findings {
        let granted = Set((self[scheme] ?? []).map(GraphPermission.init(rawValue:)))
        var uncovered: [String] = []
        var accepted = Set<String>()
        for route in routes {
            let requirements = route.permissions.requirements(scheme)
            for r in requirements.compactMap({ $0 }) { accepted.formUnion((r.leastPrivileged + r.higherPrivileged).map { $0.rawValue.lowercased() }) }
            if !route.permissions.allows(scheme, granted: granted) {
                let least = requirements.compactMap { $0?.alternatives.first }.first?.map(\.rawValue).joined(separator: " + ") ?? "a scheme it does not support"
                uncovered.append("\(route.method) \(route.versionedPath) needs \(least) (\(route.descriptor.source))")
            }
        }
        let unused = (self[scheme] ?? []).filter { !accepted.contains($0.lowercased()) }
        return Findings(uncovered: Array(Set(uncovered)).sorted(), unused: unused.sorted())
    }

    /// A first manifest from a recording: for each scheme, the fewest least privileged
    /// permissions covering every route recorded (routes a scheme does not support are left out).
    public static func covering(_ routes: [any GraphRoute], schemes: [PermissionScheme]) -> PermissionManifest {
        var manifest = PermissionManifest()
        for scheme in schemes {
            var chosen: [GraphPermission] = []
            for route in routes {
                let requirements = route.permissions.requirements(scheme)
                for r in requirements.compactMap({ $0 }) where r.isSupported && !r.isSatisfied(by: Set(chosen)) {
                    chosen += r.alternatives.first ?? []
                }
            }
            let names = Array(Set(chosen.map(\.rawValue))).sorted()
            switch scheme {
            case .delegatedWork: manifest.delegatedWork = names
            case .delegatedPersonal: manifest.delegatedPersonal = names
            case .application: manifest.application = names
            }
        }
        return manifest
    }
}

/// A transport for tests: passes each request on and records, for each, the documented route it
/// calls (matched like a router against the tables given).
public final class RecordingTransport<Base: GraphTransport>: GraphTransport, @unchecked Sendable {
    public let base: Base
    private let router: GraphRouter
    private let lock = NSLock()
    private var recorded: [DocumentedRoute] = []
    private var unknown: [GraphRequest] = []

    public init(_ base: Base, tables: [RouteTable]) {
        self.base = base
        router = GraphRouter(tables: tables)
    }

    /// The routes called, in order.
    public var routes: [DocumentedRoute] { lock.lock(); defer { lock.unlock() }; return recorded }
    /// Requests that matched no documented route.
    public var unmatched: [GraphRequest] { lock.lock(); defer { lock.unlock() }; return unknown }

    public func send(_ request: GraphRequest) async throws -> GraphResponse {
        let path = String(request.path.prefix { $0 != "?" })
        record(router.match(method: request.method, path: path), request)
        return try await base.send(request)
    }

    /// lock()/unlock() in a synchronous function: `withLock` needs macOS 14.
    private func record(_ route: DocumentedRoute?, _ request: GraphRequest) {
        lock.lock()
        if let route { recorded.append(route) } else { unknown.append(request) }
        lock.unlock()
    }
}
