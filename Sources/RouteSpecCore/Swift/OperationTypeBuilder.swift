/// One operation as Swift: a type with a function per route, its descriptors, and a client method.
struct OperationTypeBuilder {
    let op: APIOperation
    /// Indices of the routes to emit (all, unless the user selected some).
    let kept: [Int]
    let type: SwiftName
    let namespace: SwiftName

    private var caseNames: [SwiftName] { GeneratedNames.routeCases(op.routes) }

    private static let n = (
        permissions: SwiftName(verbatim: "permissions"),
        descriptors: SwiftName(verbatim: "descriptors"),
        route: SwiftName(verbatim: "route"),
        body: SwiftName(verbatim: "body"),
        base: SwiftName(verbatim: "base"),
        send: SwiftName(verbatim: "send")
    )

    /// `public struct X: GraphOperation` with a static function per route, its descriptors and
    /// permissions; no switches (switches over many cases with payloads compile slowly).
    func typeDecl() -> SwiftDecl {
        let selection = SwiftName(verbatim: "selection")
        var members: [SwiftDecl] = [
            .storedLet(doc: SwiftDoc(["Which route, with which arguments."]), name: selection, type: .fixed("RouteSelection")),
            .initializer(doc: SwiftDoc(["A route of this operation; prefer the static functions below."]), failable: false,
                         parameters: [SwiftParameter(label: nil, name: selection, type: .fixed("RouteSelection"))],
                         body: [.assignMember(selection, .name(selection))]),
        ]
        let names = caseNames
        for (i, routeIndex) in kept.enumerated() {
            let route = op.routes[routeIndex]
            let name = names[routeIndex]
            let labels = GeneratedNames.parameterLabels(route)
            let make = SwiftExpr.call(.selfType, [SwiftArgument(nil, .call(.name(SwiftName(verbatim: "RouteSelection")), [
                SwiftArgument(nil, .int(i)), SwiftArgument(nil, .array(labels.map { .name($0) }, multiline: false)),
            ]))])
            members.append(.staticFunction(doc: caseDoc(route), name: name,
                                           parameters: labels.map { SwiftParameter(label: $0, name: $0, type: .string) },
                                           returns: .fixed("Self"), body: [.returnValue(make)]))
        }
        // One constant per operation: every static let costs an accessor and an initializer.
        members.append(.staticLet(doc: SwiftDoc(["The documented routes, in the order of the functions above."]),
                                  name: Self.n.descriptors, type: .fixed("[RouteDescriptor]"),
                                  value: .call(.member(.name(SwiftName(verbatim: "RouteDescriptor")), SwiftName(verbatim: "list")), [
                                      SwiftArgument(nil, infoExpr()),
                                      SwiftArgument(nil, .array(kept.map { routeSpecExpr(op.routes[$0]) }, multiline: true)),
                                  ])))
        return .structDecl(doc: operationDoc(), name: type, generic: nil, conformances: [.fixed("GraphOperation")], members: members)
    }

    func clientMethod() -> SwiftDecl {
        let takesBody = op.routes.contains { ["POST", "PUT", "PATCH"].contains($0.method) }
        var params = [SwiftParameter(label: nil, name: Self.n.route, type: .named(namespace, type))]
        var sendArgs = [SwiftArgument(nil, .name(Self.n.route))]
        if takesBody {
            params.append(SwiftParameter(label: Self.n.body, name: Self.n.body, type: .fixed("Data?"), defaultValue: .nilLiteral))
            sendArgs.append(SwiftArgument(Self.n.body, .name(Self.n.body)))
        }
        var doc = [op.title ?? op.name, "", "Sends one of the routes of `\(namespace).\(type.text)`"
            + (takesBody ? "; `body` is passed through as bytes." : ".")]
        doc += statusDoc()
        doc.append("- Throws: `GraphUnexpectedStatus` (with status, headers and body) for any other status.")
        return .function(doc: SwiftDoc(doc), attributes: ["@discardableResult"], name: GeneratedNames.clientMethod(type),
                         parameters: params, effects: "async throws", returns: .fixed("GraphResponse"),
                         body: [.returnValue(.tryAwait(.call(.member(.name(Self.n.base), Self.n.send), sendArgs)))])
    }

    // MARK: Values

    private func infoExpr() -> SwiftExpr {
        let primary = op.sources.first(where: \.primary) ?? op.sources.first
        return .call(.name(SwiftName(verbatim: "OperationInfo")), [
            SwiftArgument(SwiftName(verbatim: "apiVersion"), .string(op.apiVersion.rawValue)),
            SwiftArgument(SwiftName(verbatim: "id"), .string(op.id)),
            SwiftArgument(SwiftName(verbatim: "name"), .string(op.name)),
            SwiftArgument(SwiftName(verbatim: "expectedStatuses"), .array(op.responses.map { .int($0.status) }, multiline: false)),
            SwiftArgument(SwiftName(verbatim: "source"), .string(primary?.path ?? "")),
            SwiftArgument(SwiftName(verbatim: "permissions"), permissionsExpr(op.permissions)),
        ])
    }

    private func routeSpecExpr(_ route: Route) -> SwiftExpr {
        var args = [SwiftArgument(nil, .string(route.method)), SwiftArgument(nil, .string(route.path)),
                    SwiftArgument(SwiftName(verbatim: "line"), .int(route.line))]
        if let own = route.permissions { args.append(SwiftArgument(Self.n.permissions, permissionsExpr(own))) }
        return .call(.name(SwiftName(verbatim: "RouteSpec")), args)
    }

    /// A reference to the shared constant holding this permission set.
    private func permissionsExpr(_ set: PermissionSet?) -> SwiftExpr {
        guard let set else { return .member(nil, SwiftName(verbatim: "undocumented")) }
        return .member(.member(.name(namespace), PermissionSets.namespace), PermissionSets.name(set))
    }

    // MARK: Documentation

    private func operationDoc() -> SwiftDoc {
        var lines = [op.title ?? op.name, "",
                     "Operation `\(op.name)` (`\(op.id)`), \(op.apiVersion.rawValue), \(op.routes.count) route\(op.routes.count == 1 ? "" : "s")."]
        lines.append("- Permissions:")
        lines += permissionDoc(op.permissions).map { "  " + $0 }
        lines += statusDoc()
        lines.append("- Source: " + op.sources.map { "\($0.path):\($0.line) (\($0.locale)\($0.primary && op.sources.count > 1 ? ", newest" : ""))" }
            .joined(separator: ", "))
        return SwiftDoc(lines)
    }

    private func caseDoc(_ route: Route) -> SwiftDoc {
        var lines = ["`\(route.method) \(route.path)`"]
        if let own = route.permissions {
            lines.append("- Permissions (this route):")
            lines += permissionDoc(own).map { "  " + $0 }
        }
        let primary = op.sources.first(where: \.primary) ?? op.sources.first
        lines.append("- Source: \(primary?.path ?? ""):\(route.line)")
        return SwiftDoc(lines)
    }

    private func statusDoc() -> [String] {
        op.responses.isEmpty ? ["- Status: not documented (any 2xx is accepted)."]
            : ["- Status: " + op.responses.map { String($0.status) }.joined(separator: ", ")]
    }

    private func permissionDoc(_ set: PermissionSet?) -> [String] {
        guard let set else { return ["- not documented"] }
        let labels: [SchemeKind: String] = [.delegatedWork: "Delegated (work or school)", .delegatedPersonal: "Delegated (personal)",
                                            .application: "Application"]
        return SchemeKind.allCases.map { kind in
            let label = labels[kind]!
            guard let s = set[kind] else { return "- \(label): not documented" }
            guard s.supported else { return "- \(label): not supported" }
            if s.noPermissionRequired { return "- \(label): no permission needed" }
            let together = s.combinations.contains(s.leastPrivileged)
            var text = "- \(label): least privileged "
                + (s.leastPrivileged.isEmpty ? "none" : s.leastPrivileged.map { "`\($0)`" }.joined(separator: together ? " + " : ", "))
            if !s.higherPrivileged.isEmpty { text += "; higher " + s.higherPrivileged.map { "`\($0)`" }.joined(separator: ", ") }
            if !s.unparsed.isEmpty { text += "; unreadable in the docs: " + s.unparsed.joined(separator: " | ") }
            return text
        }
    }
}
