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

    /// Writes the method: its documentation as it is made, then the declaration.
    func write(into p: inout SwiftPrinter) {
        let op = routes[0].route.op
        let takesBody = routes.contains { Self.bodyMethods.contains($0.route.route.method) }
        let route = Self.route
        let call = takesBody ? Self.bodyCall : Self.plainCall
        let make = SwiftExpr.call(.name(call), [
            SwiftArgument(nil, .name(Self.base)),
            SwiftArgument(Self.operation, .string(op.id)),
            SwiftArgument(route, .name(route)),
        ])
        p.docLine { $0.text(op.title ?? op.name) }
        p.docLine { _ in }
        p.docLine { line in
            line.fixed("Prepares ")
            let shown = min(routes.count, 3)
            for i in 0..<shown {
                if i > 0 { line.fixed(", ") }
                line.fixed("`")
                line.text(routes[i].group.text)
                line.fixed(".")
                line.text(routes[i].route.function.text)
                line.fixed("`")
            }
            if routes.count > shown {
                line.fixed(" and ")
                line.number(routes.count - shown)
                line.fixed(" more routes")
            }
            line.fixed(takesBody ? "; `send(body:)` performs it." : "; `send()` performs it.")
        }
        p.decl(.function(doc: nil, attributes: [], name: routes[0].route.operationName,
                         parameters: [SwiftParameter(label: nil, name: route, type: Self.routeType)], effects: "",
                         returns: SwiftType(text: call.text), body: [.returnValue(make)]))
    }

    private static let routeType = SwiftType.fixed("DocumentedRoute")
}
