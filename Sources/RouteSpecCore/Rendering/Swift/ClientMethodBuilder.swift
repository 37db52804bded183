/// One client method per operation (`client.v1.userGet(route)`): it takes any of the operation's
/// routes and returns the prepared call (`GraphBodyCall` when a route sends a body), which
/// `send()` performs and which refuses another operation's route.
struct ClientMethodBuilder {
    /// The operation's routes with the group type each function is declared in.
    let routes: [(group: SwiftType, route: GroupRoute)]

    private static let bodyMethods = ["POST", "PUT", "PATCH"]
    private static let route = SwiftName(verbatim: "route"), base = SwiftName(verbatim: "base")
    private static let operation = SwiftName(verbatim: "operation")
    private static let bodyCall = SwiftName(verbatim: "GraphBodyCall"), plainCall = SwiftName(verbatim: "GraphCall")

    var decl: SwiftDecl {
        let op = routes[0].route.op
        let takesBody = routes.contains { Self.bodyMethods.contains($0.route.route.method) }
        let route = Self.route
        let call = takesBody ? Self.bodyCall : Self.plainCall
        let make = SwiftExpr.call(.name(call), [
            SwiftArgument(nil, .name(Self.base)),
            SwiftArgument(Self.operation, .string(op.id)),
            SwiftArgument(route, .name(route)),
        ])
        let shown = routes.prefix(3).map { "`\($0.group.text).\($0.route.function.text)`" }.joined(separator: ", ")
        let more = routes.count > 3 ? " and \(routes.count - 3) more routes" : ""
        let doc = SwiftDoc([op.title ?? op.name, "", "Prepares \(shown)\(more)" + (takesBody ? "; `send(body:)` performs it." : "; `send()` performs it.")])
        return .function(doc: doc, attributes: [], name: routes[0].route.operationName,
                         parameters: [SwiftParameter(label: nil, name: route, type: Self.routeType)], effects: "",
                         returns: SwiftType(text: call.text), body: [.returnValue(make)])
    }

    private static let routeType = SwiftType.fixed("DocumentedRoute")
}
