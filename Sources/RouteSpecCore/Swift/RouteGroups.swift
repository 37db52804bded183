/// Routes are generated in groups: the routes under one path prefix, named by the first static
/// path segment and the second when there is one (`/users/{id}/managedDevices/…` →
/// `Users.ManagedDevices`). A route's group and its function's name (from its page's id, see
/// `GeneratedNames.pageName`) depend only on its own page, so adding or removing a page never
/// moves or renames another page's routes. Groups are many small types: a type per operation,
/// or one huge type, costs the Swift compiler far more.
struct RouteGroup {
    /// Type names from the version namespace down: `["Users", "ManagedDevices"]`.
    var path: [SwiftName]
    /// The static path prefix the group stands for (`/users/…/managedDevices`).
    var prefix: String
    var routes: [GroupRoute]
}

struct GroupRoute {
    var op: APIOperation
    var routeIndex: Int
    var function: SwiftName
    /// The operation's client method's name, unique in the version.
    var operationName: SwiftName
    var route: Route { op.routes[routeIndex] }
}

enum RouteGroups {
    /// The groups of one version's operations. Names are made from every route of every operation
    /// (`all`), then only the selected routes are kept, so a selection never renames anything.
    static func build(all: [APIOperation], selected: [(op: APIOperation, kept: [Int])]) -> [RouteGroup] {
        var named: [String: [String: (function: SwiftName, operation: SwiftName)]] = [:]  // op id → "group/index" → names
        var byGroup: [[String]: [(op: APIOperation, indices: [Int], base: String)]] = [:]
        var prefixes: [[String]: String] = [:]
        var keyOfRoute: [String: [[String]]] = [:]  // op id → each route's group
        var baseOf: [String: String] = [:]
        for op in all { baseOf[op.id] = operationBase(op) }
        for op in all {
            var indicesByGroup: [[String]: [Int]] = [:]
            var keys: [[String]] = []
            for (i, route) in op.routes.enumerated() {
                let (key, prefix) = groupKey(route.path)
                keys.append(key)
                indicesByGroup[key, default: []].append(i)
                if prefixes[key] == nil || prefix < prefixes[key]! { prefixes[key] = prefix }
            }
            keyOfRoute[op.id] = keys
            let base = baseOf[op.id]!
            for (key, indices) in indicesByGroup {
                byGroup[key, default: []].append((op, indices, base))
            }
        }
        // Client methods are members of one per-version type, so an operation's name must be unique
        // in the version (two page ids can spell one identifier: then both take a hash of their id).
        var operationNames: [String: SwiftName] = [:]
        var operationsOfBase: [String: Int] = [:]
        for op in all { operationsOfBase[baseOf[op.id]!, default: 0] += 1 }
        for op in all {
            let base = baseOf[op.id]!
            let suffix = operationsOfBase[base]! > 1 ? "_" + SwiftNames.shortHash(op.id) : ""
            operationNames[op.id] = SwiftNames.name(reservedClientMember(base + suffix), fallback: "operation" + suffix)
        }
        for (key, members) in byGroup {
            var functionCount: [String: Int] = [:]
            var baseCount: [String: Int] = [:]
            var candidates: [(op: APIOperation, indices: [Int], base: String, functions: [String])] = []
            for m in members {
                let functions = functionNames(base: m.base, routes: m.indices.map { m.op.routes[$0] })
                for f in functions { functionCount[f, default: 0] += 1 }
                baseCount[m.base, default: 0] += 1
                candidates.append((m.op, m.indices, m.base, functions))
            }
            for c in candidates {
                // Page ids are unique, but two can spell the same identifier (`a-b`, `a_b`): then
                // both take a hash of their id.
                let clash = c.functions.contains { functionCount[$0]! > 1 } || baseCount[c.base]! > 1
                let suffix = clash ? "_" + SwiftNames.shortHash(c.op.id) : ""
                let operation = operationNames[c.op.id]!
                for (i, f) in zip(c.indices, c.functions) {
                    let function = SwiftNames.name(reservedGroupMember(f + suffix), fallback: "route" + suffix)
                    named[c.op.id, default: [:]]["\(key.joined(separator: "."))/\(i)"] = (function, operation)
                }
            }
        }
        var groups: [[String]: RouteGroup] = [:]
        for (op, kept) in selected {
            for i in kept {
                guard let key = keyOfRoute[op.id]?[i] else { continue }
                guard let names = named[op.id]?["\(key.joined(separator: "."))/\(i)"] else { continue }
                let route = GroupRoute(op: op, routeIndex: i, function: names.function, operationName: names.operation)
                groups[key, default: RouteGroup(path: typePath(key), prefix: prefixes[key] ?? "/", routes: [])].routes.append(route)
                // A nested group needs its parent type, even when the parent has no routes selected.
                if key.count == 2, groups[[key[0]]] == nil {
                    groups[[key[0]]] = RouteGroup(path: typePath([key[0]]), prefix: prefixes[[key[0]]] ?? "/" + key[0], routes: [])
                }
            }
        }
        return groups.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
            var g = groups[key]!
            g.routes.sort { ($0.function.text, $0.op.id) < ($1.function.text, $1.op.id) }
            return g
        }
    }

    /// The group of a path: its first two static words as type names, and the static prefix.
    static func groupKey(_ path: String) -> (key: [String], prefix: String) {
        let words = GeneratedNames.staticWords(path, limit: 2).map { SwiftNames.upperCamel(SwiftNames.words($0)) }.filter { !$0.isEmpty }
        let key = words.isEmpty ? ["Root"] : Array(words)
        var prefix = ""
        var seen = 0
        for segment in GeneratedNames.segments(path) {
            prefix += "/" + segment
            if !segment.hasPrefix("{") { seen += 1 }
            if seen == key.count { break }
        }
        return (key, prefix.isEmpty ? "/" : prefix)
    }

    private static func typePath(_ key: [String]) -> [SwiftName] {
        key.enumerated().map { level, word in
            let reserved: Set<String> = level == 0 ? ["Type", "Protocol", "Self", "Any", "Client"] : ["Type", "Protocol", "Self"]
            return SwiftNames.name(reserved.contains(word) ? word + "Routes" : word, fallback: "Routes" + SwiftNames.shortHash(word))
        }
    }

    static func operationBase(_ op: APIOperation) -> String { GeneratedNames.pageName(op) }

    /// One route of an operation in a group: the operation's name; several: the name followed by
    /// the path words that tell them apart (`resetPasscodeDetectedApps`).
    private static func functionNames(base: String, routes: [Route]) -> [String] {
        guard routes.count > 1 else { return [base] }
        return GeneratedNames.routeCases(routes).map { c in
            let raw = c.text.trimmingCharacters(in: "`")
            return base + raw.prefix(1).uppercased() + raw.dropFirst()
        }
    }

    private static func reservedGroupMember(_ name: String) -> String {
        GeneratedNames.reservedMembers.contains(name) ? name + "Route" : name
    }

    private static func reservedClientMember(_ name: String) -> String {
        ["base", "init", "send"].contains(name) ? name + "Operation" : name
    }
}
