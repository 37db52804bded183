import RouteSpecShared

/// One route group as Swift: a caseless enum with a static function per route, each returning a
/// `DocumentedRoute` that names its row in the group's route table.
struct RouteGroupBuilder: Sendable {
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

    /// The group's enum in an extension of the type it is declared in: a static function per
    /// route, then the routes' table. A parent group with no routes of its own is only a namespace.
    var decl: SwiftDecl {
        let count = group.routes.count
        let doc = SwiftDoc(["Routes under `\(group.prefix)` (\(version.rawValue)): \(count == 0 ? "none selected directly" : "\(count) route\(count == 1 ? "" : "s")")."])
        let members = count == 0 ? [] : group.routes.map(function) + [table]
        return .extensionDecl(type: enclosingType, members: [.enumDecl(doc: doc, name: typeName, conformances: [], members: members)])
    }

    private func function(_ r: GroupRoute) -> SwiftDecl {
        let labels = GeneratedNames.parameterLabels(r.route)
        let make = SwiftExpr.call(.name(Self.documentedRoute), [
            SwiftArgument(nil, .name(Self.table)),
            SwiftArgument(nil, .string(r.function.text.trimmingCharacters(in: "`"))),
            SwiftArgument(nil, .array(labels.map { .name($0) }, multiline: false)),
        ])
        return .staticFunction(doc: doc(r.op, r.route), name: r.function,
                               parameters: labels.map { SwiftParameter(label: $0, name: $0, type: .string) },
                               returns: Self.documentedRouteType, body: [.returnValue(make)])
    }

    /// `static let table = RouteTable(apiVersion:rows:)`, a row (`RouteRow`, encoded) per route.
    private var table: SwiftDecl {
        .staticLet(doc: SwiftDoc(["The routes above, one row each (`RouteRow`): method, path, operation, statuses, source, permissions."]),
                   name: Self.table, type: .fixed("RouteTable"),
                   value: .call(.name(SwiftName(verbatim: "RouteTable")), [
                       SwiftArgument(SwiftName(verbatim: "apiVersion"), .string(version.rawValue)),
                       SwiftArgument(SwiftName(verbatim: "rows"), .array(group.routes.map { .string(row($0).encoded) }, multiline: true)),
                   ]))
    }

    // MARK: Rows

    private func row(_ r: GroupRoute) -> RouteRow {
        let primary = r.op.sources.first(where: \.primary) ?? r.op.sources.first
        return RouteRow(name: r.function.text.trimmingCharacters(in: "`"), method: r.route.method, template: r.route.path,
                        line: r.route.line, operationID: r.op.id, operationName: r.op.name,
                        expectedStatuses: r.op.responses.map(\.status), source: primary?.path ?? "",
                        operationPermissions: Self.runtime(r.op.permissions, variants: r.op.permissionVariants),
                        routePermissions: r.route.permissions != nil || !r.route.permissionVariants.isEmpty
                            ? Self.runtime(r.route.permissions, variants: r.route.permissionVariants) : nil)
    }

    static func runtime(_ set: PermissionSet?, variants: [PermissionVariant] = []) -> RoutePermissions {
        guard variants.isEmpty else {
            return RoutePermissions(delegatedWork: nil, delegatedPersonal: nil, application: nil,
                                    variants: variants.map { RoutePermissions.Variant(condition: $0.condition, permissions: runtime($0.permissions)) })
        }
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
    private func doc(_ op: APIOperation, _ route: Route) -> SwiftDoc {
        var lines = [op.title ?? op.name, "", "`\(route.method) \(route.path)`", "- Operation: `\(op.name)` (`\(op.id)`)"]
        let ownVariants = !route.permissionVariants.isEmpty
        let variants = ownVariants ? route.permissionVariants : route.permissions == nil ? op.permissionVariants : []
        lines.append(route.permissions == nil && !ownVariants ? "- Permissions:" : "- Permissions (this route):")
        if variants.isEmpty {
            lines += permissionLines(route.permissions ?? op.permissions)
        } else {
            lines.append("  depending on the request (`allows(_:granted:variant:)`):")
            for v in variants {
                lines.append("  - \(v.condition):")
                lines += permissionLines(v.permissions).map { "  " + $0 }
            }
        }
        lines.append("- Status: " + (op.responses.isEmpty ? "not documented (any 2xx is accepted)." : op.responses.map { String($0.status) }.joined(separator: ", ")))
        let primary = op.sources.first(where: \.primary) ?? op.sources.first
        let others = op.sources.filter { $0.path != primary?.path }.map(\.path)
        lines.append("- Source: \(primary?.path ?? ""):\(route.line)" + (others.isEmpty ? "" : " (also \(others.joined(separator: ", ")))"))
        return SwiftDoc(lines)
    }

    private static func label(_ kind: SchemeKind) -> String {
        switch kind {
        case .delegatedWork: "  - Delegated (work or school)"
        case .delegatedPersonal: "  - Delegated (personal)"
        case .application: "  - Application"
        }
    }

    /// The permission lines of a route's documentation, indented under "- Permissions:".
    private func permissionLines(_ set: PermissionSet?) -> [String] {
        guard let set else { return ["  - not documented"] }
        return SchemeKind.allCases.map { kind in
            let label = Self.label(kind)
            guard let s = set[kind] else { return label + ": not documented" }
            guard s.supported else { return label + ": not supported" }
            if s.noPermissionRequired { return label + ": no permission needed" }
            let code = { (names: [String], separator: String) in names.map { "`\($0)`" }.joined(separator: separator) }
            var text = label + ": least privileged "
            text += s.leastPrivileged.isEmpty ? "none" : code(s.leastPrivileged, s.combinations.contains(s.leastPrivileged) ? " + " : ", ")
            if !s.higherPrivileged.isEmpty { text += "; higher " + code(s.higherPrivileged, ", ") }
            if !s.unparsed.isEmpty { text += "; unreadable in the docs: " + s.unparsed.joined(separator: " | ") }
            return text
        }
    }
}
