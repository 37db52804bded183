/// One operation as Swift: an enum with a case per route, its descriptors, and a client method.
struct OperationEnumBuilder {
    let op: APIOperation
    let type: SwiftName
    let namespace: SwiftName
    let permissionMembers: [String: SwiftName]

    private var caseNames: [SwiftName] { GeneratedNames.routeCases(op.routes) }

    private static let n = (
        permissions: SwiftName(verbatim: "permissions"),
        descriptors: SwiftName(verbatim: "descriptors"),
        descriptor: SwiftName(verbatim: "descriptor"),
        arguments: SwiftName(verbatim: "arguments"),
        descriptorIndex: SwiftName(verbatim: "descriptorIndex"),
        route: SwiftName(verbatim: "route"),
        body: SwiftName(verbatim: "body"),
        base: SwiftName(verbatim: "base"),
        send: SwiftName(verbatim: "send")
    )

    func enumDecl() -> SwiftDecl {
        let cases = caseNames
        var members: [SwiftDecl] = []
        for (route, name) in zip(op.routes, cases) {
            let labels = GeneratedNames.parameterLabels(route)
            members.append(.enumCase(doc: caseDoc(route), name: name, parameters: labels.map { ($0, SwiftType.string) }))
        }
        members.append(.staticLet(doc: SwiftDoc(["Permissions documented for the operation; a route may override them."]),
                                  name: Self.n.permissions, type: .fixed("RoutePermissions"), value: permissionsExpr(op.permissions)))
        members.append(.staticLet(doc: SwiftDoc(["The documented routes, one per case, in declaration order."]),
                                  name: Self.n.descriptors, type: .fixed("[RouteDescriptor]"),
                                  value: .array(op.routes.map(descriptorExpr), multiline: true)))
        members.append(.computedVar(doc: SwiftDoc(["Method, path template, permissions and statuses of this route."]), isStatic: false,
                                    name: Self.n.descriptor, type: .fixed("RouteDescriptor"),
                                    body: [.switchOver(.selfValue, cases.enumerated().map { i, c in
                                        SwiftSwitchCase(pattern: .enumCase(c, bindings: []),
                                                        body: [.returnValue(.index(.member(.selfType, Self.n.descriptors), i))])
                                    })]))
        members.append(.computedVar(doc: SwiftDoc(["The path arguments, in template order."]), isStatic: false,
                                    name: Self.n.arguments, type: .fixed("[String]"),
                                    body: [.switchOver(.selfValue, zip(op.routes, cases).map { route, c in
                                        let bindings = route.parameters.indices.map { SwiftName(verbatim: "a\($0)") }
                                        return SwiftSwitchCase(pattern: .enumCase(c, bindings: bindings),
                                                               body: [.returnValue(.array(bindings.map { .name($0) }, multiline: false))])
                                    })]))
        let args = SwiftName(verbatim: "arguments")
        var initCases: [SwiftSwitchCase] = zip(op.routes, cases).enumerated().map { i, pair in
            let (route, c) = pair
            let labels = GeneratedNames.parameterLabels(route)
            let value: SwiftExpr = labels.isEmpty
                ? .member(nil, c)
                : .call(.member(nil, c), labels.enumerated().map { k, l in SwiftArgument(l, .index(.name(args), k)) })
            return SwiftSwitchCase(pattern: .intWhereCount(i, count: labels.count, of: args), body: [.assignSelf(value)])
        }
        initCases.append(SwiftSwitchCase(pattern: .defaultCase, body: [.returnNil]))
        members.append(.initializer(doc: SwiftDoc(["The route at `descriptorIndex` with `arguments` (from `GraphRouter`)."]), failable: true,
                                    parameters: [SwiftParameter(label: Self.n.descriptorIndex, name: Self.n.descriptorIndex, type: .int),
                                                 SwiftParameter(label: args, name: args, type: .fixed("[String]"))],
                                    body: [.switchOver(.name(Self.n.descriptorIndex), initCases)]))
        return .enumDecl(doc: operationDoc(), name: type, conformances: [.fixed("GraphOperation")], members: members)
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

    private func descriptorExpr(_ route: Route) -> SwiftExpr {
        let primary = op.sources.first(where: \.primary) ?? op.sources.first
        let source = (primary?.path ?? "") + ":\(route.line)"
        return .call(.name(SwiftName(verbatim: "RouteDescriptor")), [
            SwiftArgument(SwiftName(verbatim: "apiVersion"), .member(.name(namespace), SwiftName(verbatim: "apiVersion"))),
            SwiftArgument(SwiftName(verbatim: "operationID"), .string(op.id)),
            SwiftArgument(SwiftName(verbatim: "operationName"), .string(op.name)),
            SwiftArgument(SwiftName(verbatim: "method"), .string(route.method)),
            SwiftArgument(SwiftName(verbatim: "template"), .string(route.path)),
            SwiftArgument(SwiftName(verbatim: "permissions"),
                          route.permissions.map(permissionsExpr) ?? .member(.selfType, Self.n.permissions)),
            SwiftArgument(SwiftName(verbatim: "expectedStatuses"), .array(op.responses.map { .int($0.status) }, multiline: false)),
            SwiftArgument(SwiftName(verbatim: "source"), .string(source)),
        ])
    }

    private func permissionsExpr(_ set: PermissionSet?) -> SwiftExpr {
        guard let set else { return .member(nil, SwiftName(verbatim: "undocumented")) }
        return .call(.name(SwiftName(verbatim: "RoutePermissions")), SchemeKind.allCases.map { kind in
            SwiftArgument(SwiftName(verbatim: kind.rawValue), requirementExpr(set[kind]))
        })
    }

    private func requirementExpr(_ scheme: Scheme?) -> SwiftExpr {
        guard let scheme else { return .nilLiteral }
        guard scheme.supported else { return .member(nil, SwiftName(verbatim: "unsupported")) }
        if scheme.noPermissionRequired && scheme.unparsed.isEmpty { return .member(nil, SwiftName(verbatim: "noneRequired")) }
        func list(_ names: [String]) -> SwiftExpr { .array(names.map { .member(nil, permissionMembers[$0]!) }, multiline: false) }
        var args = [SwiftArgument(SwiftName(verbatim: "leastPrivileged"), list(scheme.leastPrivileged))]
        if !scheme.higherPrivileged.isEmpty { args.append(SwiftArgument(SwiftName(verbatim: "higherPrivileged"), list(scheme.higherPrivileged))) }
        if !scheme.combinations.isEmpty {
            args.append(SwiftArgument(SwiftName(verbatim: "combinations"), .array(scheme.combinations.map(list), multiline: false)))
        }
        if scheme.noPermissionRequired { args.append(SwiftArgument(SwiftName(verbatim: "noPermissionRequired"), .bool(true))) }
        if !scheme.unparsed.isEmpty {
            args.append(SwiftArgument(SwiftName(verbatim: "unparsed"), .array(scheme.unparsed.map { .string($0) }, multiline: false)))
        }
        return .call(.name(SwiftName(verbatim: "PermissionRequirement")), args)
    }

    // MARK: Documentation

    private func operationDoc() -> SwiftDoc {
        var lines = [op.title ?? op.name, "", "Operation `\(op.name)` (`\(op.id)`), \(op.apiVersion.rawValue)."]
        lines.append("- Routes:")
        for r in op.routes { lines.append("  - `\(r.method) \(r.path)`") }
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
