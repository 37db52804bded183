import RouteSpecShared

/// One route group as Swift: a caseless enum with a static function per route, each returning a
/// `DocumentedRoute` that names its row in the group's route table.
struct RouteGroupBuilder {
    let group: RouteGroup
    let version: ApiVersion

    private var namespace: SwiftName { GeneratedNames.versionNamespace(version) }
    private var typeName: SwiftName { group.path.last! }
    /// The type's full spelling from outside: `GraphV1.Users.ManagedDevices`.
    var qualifiedType: SwiftType { SwiftType(text: ([namespace] + group.path).map(\.text).joined(separator: ".")) }
    /// Where the enum is declared: `GraphV1` or `GraphV1.Users`.
    var enclosingType: SwiftType { SwiftType(text: ([namespace] + group.path.dropLast()).map(\.text).joined(separator: ".")) }

    static let table = SwiftName(verbatim: "table")
    private static let documentedRoute = SwiftName(verbatim: "DocumentedRoute")
    private static let documentedRouteType = SwiftType.fixed("DocumentedRoute")

    /// Writes the group's enum in an extension of the type it is declared in: a static function
    /// per route, then the routes' table. Written as it is made: files have thousands of routes.
    func write(into p: inout SwiftPrinter) {
        let routes = group.routes
        let count = routes.count
        let doc = SwiftDoc(["Routes under `\(group.prefix)` (\(version.rawValue)): \(count == 0 ? "none selected directly" : "\(count) route\(count == 1 ? "" : "s")")."])
        p.extensionDecl(type: enclosingType) { p in
            p.enumDecl(doc: doc, name: typeName, conformances: []) { p in
                // A parent group with no routes of its own is only a namespace.
                p.members(count: count == 0 ? 0 : count + 1) { p, i in
                    if i < count { writeFunction(routes[i], into: &p) } else { writeTable(into: &p) }
                }
            }
        }
    }

    private func writeFunction(_ r: GroupRoute, into p: inout SwiftPrinter) {
        // The operation and route are lent to what reads them, never copied.
        writeDoc(r.op, r.route, into: &p)
        let labels = GeneratedNames.parameterLabels(r.route)
        let make = SwiftExpr.call(.name(Self.documentedRoute), [
            SwiftArgument(nil, .name(Self.table)),
            SwiftArgument(nil, .string(r.function.text.trimmingCharacters(in: "`"))),
            SwiftArgument(nil, .array(labels.map { .name($0) }, multiline: false)),
        ])
        p.staticFunction(name: r.function, parameters: labels, type: .string, returns: Self.documentedRouteType, value: make)
    }

    /// `static let table = RouteTable(apiVersion:rows:)`, a row (`RouteRow`, encoded) per route.
    private func writeTable(into p: inout SwiftPrinter) {
        let routes = group.routes
        p.staticLetCall(doc: SwiftDoc(["The routes above, one row each (`RouteRow`): method, path, operation, statuses, source, permissions."]),
                        name: Self.table, type: .fixed("RouteTable"), callee: SwiftName(verbatim: "RouteTable"),
                        arguments: [(SwiftName(verbatim: "apiVersion"), .string(version.rawValue))], arrayLabel: SwiftName(verbatim: "rows"),
                        count: routes.count) { i, bytes in row(routes[i]).encode(into: &bytes) }
    }

    // MARK: Rows

    private func row(_ r: GroupRoute) -> RouteRow {
        let primary = r.op.sources.first(where: \.primary) ?? r.op.sources.first
        return RouteRow(name: r.function.text.trimmingCharacters(in: "`"), method: r.route.method, template: r.route.path,
                        line: r.route.line, operationID: r.op.id, operationName: r.op.name,
                        expectedStatuses: r.op.responses.map(\.status), source: primary?.path ?? "",
                        operationPermissions: Self.runtime(r.op.permissions), routePermissions: r.route.permissions.map(Self.runtime))
    }

    static func runtime(_ set: PermissionSet?) -> RoutePermissions {
        guard let set else { return .undocumented }
        func requirement(_ s: Scheme?) -> PermissionRequirement? {
            guard let s else { return nil }
            guard s.supported else { return .unsupported }
            let names = { (list: [String]) in list.map(GraphPermission.init(rawValue:)) }
            return PermissionRequirement(leastPrivileged: names(s.leastPrivileged), higherPrivileged: names(s.higherPrivileged),
                                         combinations: s.combinations.map(names), noPermissionRequired: s.noPermissionRequired,
                                         unparsed: s.unparsed)
        }
        return RoutePermissions(delegatedWork: requirement(set.delegatedWork), delegatedPersonal: requirement(set.delegatedPersonal),
                                application: requirement(set.application))
    }

    // MARK: Documentation

    /// A route's documentation: title, method and path, operation, permissions, statuses, source.
    private func writeDoc(_ op: APIOperation, _ route: Route, into p: inout SwiftPrinter) {
        p.docLine { $0.text(op.title ?? op.name) }
        p.docLine { _ in }
        p.docLine { line in
            line.fixed("`")
            line.text(route.method)
            line.fixed(" ")
            line.text(route.path)
            line.fixed("`")
        }
        p.docLine { line in
            line.fixed("- Operation: ")
            line.code(op.name)
            line.fixed(" (")
            line.code(op.id)
            line.fixed(")")
        }
        p.docLine { $0.fixed(route.permissions == nil ? "- Permissions:" : "- Permissions (this route):") }
        writePermissions(route.permissions ?? op.permissions, into: &p)
        p.docLine { line in
            line.fixed("- Status: ")
            if op.responses.isEmpty { line.fixed("not documented (any 2xx is accepted).") }
            for (i, response) in op.responses.enumerated() {
                if i > 0 { line.fixed(", ") }
                line.number(response.status)
            }
        }
        let primary = op.sources.first(where: \.primary) ?? op.sources.first
        p.docLine { line in
            line.fixed("- Source: ")
            line.text(primary?.path ?? "")
            line.fixed(":")
            line.number(route.line)
            var also = false
            for source in op.sources where source.path != primary?.path {
                line.fixed(also ? ", " : " (also ")
                line.text(source.path)
                also = true
            }
            if also { line.fixed(")") }
        }
    }

    private static func label(_ kind: SchemeKind) -> StaticString {
        switch kind {
        case .delegatedWork: "  - Delegated (work or school)"
        case .delegatedPersonal: "  - Delegated (personal)"
        case .application: "  - Application"
        }
    }

    /// The permission lines of a route's documentation, indented under "- Permissions:".
    private func writePermissions(_ set: PermissionSet?, into p: inout SwiftPrinter) {
        guard let set else { return p.docLine { $0.fixed("  - not documented") } }
        for kind in SchemeKind.allCases {
            p.docLine { line in
                line.fixed(Self.label(kind))
                guard let s = set[kind] else { return line.fixed(": not documented") }
                guard s.supported else { return line.fixed(": not supported") }
                if s.noPermissionRequired { return line.fixed(": no permission needed") }
                line.fixed(": least privileged ")
                if s.leastPrivileged.isEmpty {
                    line.fixed("none")
                } else {
                    Self.codeList(s.leastPrivileged, separator: s.combinations.contains(s.leastPrivileged) ? " + " : ", ", to: &line)
                }
                if !s.higherPrivileged.isEmpty {
                    line.fixed("; higher ")
                    Self.codeList(s.higherPrivileged, separator: ", ", to: &line)
                }
                if !s.unparsed.isEmpty {
                    line.fixed("; unreadable in the docs: ")
                    for (i, u) in s.unparsed.enumerated() {
                        if i > 0 { line.fixed(" | ") }
                        line.text(u)
                    }
                }
            }
        }
    }

    /// `` `a`, `b` `` (with `separator` between).
    private static func codeList(_ names: [String], separator: StaticString, to line: inout SwiftPrinter.DocLine) {
        for (i, name) in names.enumerated() {
            if i > 0 { line.fixed(separator) }
            line.code(name)
        }
    }
}
