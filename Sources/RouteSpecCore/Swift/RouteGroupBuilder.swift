import RouteSpecRuntime

/// One route group as Swift: a struct with a static function per route and its route table, and
/// the client methods (one per operation in the group).
struct RouteGroupBuilder {
    let group: RouteGroup
    let version: ApiVersion

    private var namespace: SwiftName { GeneratedNames.versionNamespace(version) }
    private var typeName: SwiftName { group.path.last! }
    /// The type's full spelling from outside: `GraphV1.Users.ManagedDevices`.
    var qualifiedType: SwiftType { SwiftType(text: ([namespace] + group.path).map(\.text).joined(separator: ".")) }
    /// Where the struct is declared: `GraphV1` or `GraphV1.Users`.
    var enclosingType: SwiftType { SwiftType(text: ([namespace] + group.path.dropLast()).map(\.text).joined(separator: ".")) }

    private static let selection = SwiftName(verbatim: "selection")

    func typeDecl() -> SwiftDecl {
        var members: [SwiftDecl] = [
            .storedLet(doc: SwiftDoc(["Which route, with which arguments."]), name: Self.selection, type: .fixed("RouteSelection")),
            .initializer(doc: SwiftDoc(["A route of this group; prefer the static functions below."]), failable: false,
                         parameters: [SwiftParameter(label: nil, name: Self.selection, type: .fixed("RouteSelection"))],
                         body: [.assignMember(Self.selection, .name(Self.selection))]),
        ]
        for r in group.routes {
            let labels = GeneratedNames.parameterLabels(r.route)
            let make = SwiftExpr.call(.selfType, [SwiftArgument(nil, .call(.name(SwiftName(verbatim: "RouteSelection")), [
                SwiftArgument(nil, .string(r.function.text.trimmingCharacters(in: "`"))),
                SwiftArgument(nil, .array(labels.map { .name($0) }, multiline: false)),
            ]))])
            members.append(.staticFunction(doc: routeDoc(r), name: r.function,
                                           parameters: labels.map { SwiftParameter(label: $0, name: $0, type: .string) },
                                           returns: .fixed("Self"), body: [.returnValue(make)]))
        }
        members.append(.staticLet(
            doc: SwiftDoc(["The routes above, one row each (`RouteRow`): method, path, operation, statuses, source, permissions."]),
            name: SwiftName(verbatim: "table"), type: .fixed("RouteTable"),
            value: .call(.name(SwiftName(verbatim: "RouteTable")), [
                SwiftArgument(SwiftName(verbatim: "apiVersion"), .string(version.rawValue)),
                SwiftArgument(SwiftName(verbatim: "rows"), .array(group.routes.map { .string(row($0).encoded) }, multiline: true)),
            ])))
        let count = group.routes.count
        let doc = SwiftDoc(["Routes under `\(group.prefix)` (\(version.rawValue)): \(count == 0 ? "none selected directly" : "\(count) route\(count == 1 ? "" : "s")")."])
        return .structDecl(doc: doc, name: typeName, generic: nil, conformances: [.fixed("GraphRouteGroup")], members: members)
    }

    /// One method per operation in the group: it takes the group's route and returns the prepared
    /// call (`GraphBodyCall` when the method sends a body), which `send()` performs.
    func clientMethods() -> [SwiftDecl] {
        var byOperation: [String: [GroupRoute]] = [:]
        for r in group.routes { byOperation[r.operationName.text, default: []].append(r) }
        return byOperation.keys.sorted().map { name in
            let routes = byOperation[name]!
            let op = routes[0].op
            let takesBody = routes.contains { ["POST", "PUT", "PATCH"].contains($0.route.method) }
            let route = SwiftName(verbatim: "route")
            let call = takesBody ? "GraphBodyCall" : "GraphCall"
            let make = SwiftExpr.call(.name(SwiftName(verbatim: call)), [
                SwiftArgument(nil, .name(SwiftName(verbatim: "base"))),
                SwiftArgument(SwiftName(verbatim: "operation"), .string(op.id)),
                SwiftArgument(route, .name(route)),
            ])
            let doc = [op.title ?? op.name, "",
                       "Prepares `\(qualifiedType.text).\(routes.map { $0.function.text }.joined(separator: "`, `."))`; "
                           + (takesBody ? "`send(body:)` performs it." : "`send()` performs it.")]
            return .function(doc: SwiftDoc(doc), attributes: [], name: routes[0].operationName,
                             parameters: [SwiftParameter(label: nil, name: route, type: qualifiedType)], effects: "",
                             returns: SwiftType(text: call), body: [.returnValue(make)])
        }
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

    private func routeDoc(_ r: GroupRoute) -> SwiftDoc {
        let op = r.op
        var lines = [op.title ?? op.name, "", "`\(r.route.method) \(r.route.path)`",
                     "- Operation: `\(op.name)` (`\(op.id)`)", "- Permissions\(r.route.permissions == nil ? "" : " (this route)"):"]
        lines += permissionDoc(r.route.permissions ?? op.permissions).map { "  " + $0 }
        lines += statusDoc(op)
        let primary = op.sources.first(where: \.primary) ?? op.sources.first
        var source = "- Source: \(primary?.path ?? ""):\(r.route.line)"
        let others = op.sources.filter { $0.path != primary?.path }.map(\.path)
        if !others.isEmpty { source += " (also " + others.joined(separator: ", ") + ")" }
        lines.append(source)
        return SwiftDoc(lines)
    }

    private func statusDoc(_ op: APIOperation) -> [String] {
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
