/// Routes are generated in groups: the routes under one path prefix, named by the first static
/// path segment and the second when there is one (`/users/{id}/managedDevices/…` →
/// `Users.ManagedDevices`). A route's group and its function's name (from its page's id, see
/// `GeneratedNames.pageName`) depend only on its own page, so adding or removing a page never
/// moves or renames another page's routes. Groups are many small types: a type per operation,
/// or one huge type, costs the Swift compiler far more.
struct RouteGroup: Sendable {
    /// Type names from the version namespace down: `["Users", "ManagedDevices"]`.
    var path: [SwiftName]
    /// The static path prefix the group stands for (`/users/…/managedDevices`).
    var prefix: String
    var routes: [GroupRoute]
}

struct GroupRoute: Sendable {
    let op: APIOperation
    /// The operation's index among those the groups were built from.
    var opIndex: Int
    var routeIndex: Int
    var function: SwiftName
    /// The operation's client method's name, unique in the version.
    var operationName: SwiftName
    var opID: String { op.id }
    var route: Route { op.routes[routeIndex] }
}

enum RouteGroups {
    /// The groups of one version's operations, from their namings (in the order of `all`). Names
    /// are made from every route of every operation (`all`), then only the selected routes (by
    /// index in `all`) are kept, so a selection never renames anything.
    static func build(all: [APIOperation], namings: [OperationNaming], selected: [(op: Int, kept: [Int])]) -> [RouteGroup] {
        let bases = namings.map(\.base)
        // Each group key is hashed once; everything after works on its number.
        var keys = GroupKeys()
        var members: [[(op: Int, routes: [Int])]] = []
        let groupOfRoute = namings.enumerated().map { o, naming in
            naming.groupKeys.indices.map { i -> Int in
                let id = keys.id(naming.groupKeys[i], prefix: naming.prefixes[i])
                if id == members.count { members.append([]) }
                if members[id].last?.op == o { members[id][members[id].count - 1].routes.append(i) } else { members[id].append((o, [i])) }
                return id
            }
        }
        // Client methods are members of one per-version type, so an operation's name must be unique
        // in the version (two page ids can spell one identifier: then both take a hash of their id).
        var operationsOfBase: [String: Int] = [:]
        for base in bases { operationsOfBase[base, default: 0] += 1 }
        let operationNames = all.indices.map { o -> SwiftName in
            let suffix = operationsOfBase[bases[o]]! > 1 ? "_" + SwiftNames.shortHash(all[o].id) : ""
            return SwiftNames.name(reservedClientMember(bases[o] + suffix), fallback: "operation" + suffix)
        }
        // A route belongs to one group, so its function name is found by operation and route index.
        var functionNames = all.indices.map { [SwiftName?](repeating: nil, count: all[$0].routes.count) }
        for group in members {
            // Most groups have a handful of routes and no repeated name: sorted lists of the
            // repeated ones (nearly always empty) cost less than dictionaries counting every name.
            let repeatedFunctions = Self.repeated(group.flatMap { m in m.routes.map { namings[m.op].functions[$0] } })
            let repeatedBases = Self.repeated(group.map { bases[$0.op] })
            for m in group {
                // Page ids are unique, but two can spell the same identifier (`a-b`, `a_b`): then
                // both take a hash of their id.
                let clash = (!repeatedFunctions.isEmpty && m.routes.contains { repeatedFunctions.contains(namings[m.op].functions[$0]) })
                    || (!repeatedBases.isEmpty && repeatedBases.contains(bases[m.op]))
                let suffix = clash ? "_" + SwiftNames.shortHash(all[m.op].id) : ""
                for r in m.routes {
                    functionNames[m.op][r] = SwiftNames.name(reservedGroupMember(namings[m.op].functions[r] + suffix), fallback: "route" + suffix)
                }
            }
        }
        var groups: [Int: RouteGroup] = [:]
        for (o, kept) in selected {
            for i in kept where i < groupOfRoute[o].count {
                let id = groupOfRoute[o][i]
                guard let function = functionNames[o][i] else { continue }
                let route = GroupRoute(op: all[o], opIndex: o, routeIndex: i, function: function, operationName: operationNames[o])
                groups[id, default: RouteGroup(path: typePath(keys.key(id)), prefix: keys.prefix(id), routes: [])].routes.append(route)
                // A nested group needs its parent type, even when the parent has no routes selected.
                if let parent = keys.parent(of: id), groups[parent] == nil {
                    groups[parent] = RouteGroup(path: typePath(keys.key(parent)), prefix: keys.prefix(parent), routes: [])
                }
            }
        }
        return groups.keys.sorted { keys.key($0).lexicographicallyPrecedes(keys.key($1)) }.map { id in
            var g = groups[id]!
            g.routes.sort { ($0.function.text, $0.opID) < ($1.function.text, $1.opID) }
            return g
        }
    }

    /// The names that occur more than once in `names`.
    private static func repeated(_ names: [String]) -> [String] {
        guard names.count > 1 else { return [] }
        let sorted = names.sorted()
        var found: [String] = []
        for i in sorted.indices.dropFirst() where sorted[i] == sorted[i - 1] && found.last != sorted[i] {
            found.append(sorted[i])
        }
        return found
    }

    /// Group keys numbered in the order first seen, each with the smallest static prefix any of its
    /// routes has (a parent met only as a parent has `/` and its word).
    private struct GroupKeys {
        private var idOfKey: [[String]: Int] = [:]
        private var keys: [[String]] = []
        private var prefixes: [String] = []
        private var parents: [Int: Int] = [:]

        mutating func id(_ key: [String], prefix: String) -> Int {
            if let id = idOfKey[key] {
                if prefix < prefixes[id] { prefixes[id] = prefix }
                return id
            }
            idOfKey[key] = keys.count
            keys.append(key)
            prefixes.append(prefix)
            return keys.count - 1
        }

        func key(_ id: Int) -> [String] { keys[id] }
        func prefix(_ id: Int) -> String { prefixes[id] }

        /// The one-word group above a two-word one.
        mutating func parent(of id: Int) -> Int? {
            guard keys[id].count == 2 else { return nil }
            if let known = parents[id] { return known }
            let top = [keys[id][0]]
            // The path of its first static segment, as the child's prefix writes it: `/users`, not `/Users`.
            let segments = prefixes[id].split(separator: "/")
            let first = segments.firstIndex { !$0.hasPrefix("{") }.map { "/" + segments[...$0].joined(separator: "/") } ?? "/" + top[0]
            let parent = idOfKey[top] ?? self.id(top, prefix: first)
            parents[id] = parent
            return parent
        }
    }

    /// What an operation's names are made from, found from the operation alone: its base name,
    /// each route's group and static prefix, and each route's function name before clashes
    /// with other operations are settled.
    struct OperationNaming {
        var base: String
        var groupKeys: [[String]]
        var prefixes: [String]
        var functions: [String]

        init(_ op: APIOperation) {
            base = RouteGroups.operationBase(op)
            groupKeys = []
            prefixes = []
            var routesByGroup: [[String]: [Int]] = [:]
            for (i, route) in op.routes.enumerated() {
                let (key, prefix) = groupKey(route.path)
                groupKeys.append(key)
                prefixes.append(prefix)
                routesByGroup[key, default: []].append(i)
            }
            functions = Array(repeating: "", count: op.routes.count)
            for indices in routesByGroup.values {
                for (i, f) in zip(indices, functionNames(base: base, routes: indices.map { op.routes[$0] })) { functions[i] = f }
            }
        }
    }

    /// The group of a path: its first two static words as type names, and the static prefix.
    static func groupKey(_ path: String) -> (key: [String], prefix: String) {
        // Static words are letters and digits, never empty: one word each.
        let words = GeneratedNames.staticWords(path, limit: 2).map { SwiftNames.upperCamel([$0]) }
        let key = words.isEmpty ? ["Root"] : words
        // `/` and each segment up to the key's last static one.
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
            let reserved = ["Type", "Protocol", "Self"] + (level == 0 ? ["Any", "Client"] : [])
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
