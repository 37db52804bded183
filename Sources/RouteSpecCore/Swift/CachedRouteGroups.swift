extension RouteGroups {
    /// `build`, kept between runs under everything it is made from: each operation's id and
    /// naming, and the selection. Titles, permissions and other content do not name routes, so
    /// an edit to them finds the groups of the last run.
    static func build(all: GroupedOperations, namings: [OperationNaming], selected: [(op: Int, kept: [Int])],
                      cache: DerivedCache?) -> [RouteGroup] {
        guard let cache else { return build(all: all, namings: namings, selected: selected) }
        let key = DerivedCache.key(.routeGroups) { b in
            var w = DigestWriter()
            w.int(all.count)
            for (o, naming) in zip(all.indices, namings) {
                w.string(all[o].id)
                naming.encode(&w)
            }
            w.array(selected) { w, s in
                w.int(s.op)
                w.array(s.kept) { $0.int($1) }
            }
            b.add(w.digest)
        }
        return cache.value(key, decode: { try decode(&$0, all: all) }, encode: { encode($0, &$1) },
                           make: { build(all: all, namings: namings, selected: selected) })
    }

    /// Each route as its operation's index in `all`, so that decoding links today's operations.
    private static func encode(_ groups: [RouteGroup], _ w: inout BinaryWriter) {
        w.array(groups) { w, group in
            w.strings(group.path.map(\.text))
            w.string(group.prefix)
            w.array(group.routes) { w, route in
                w.int(route.opIndex)
                w.int(route.routeIndex)
                w.string(route.function.text)
                w.string(route.operationName.text)
            }
        }
    }

    private static func decode(_ r: inout BinaryReader, all: GroupedOperations) throws -> [RouteGroup] {
        try r.array { r in
            let path = try r.strings().map { try SwiftName(spelled: $0) }
            let prefix = try r.string()
            let routes = try r.array { r in
                let o = try r.int(), routeIndex = try r.int()
                guard all.indices.contains(o), all[o].routes.indices.contains(routeIndex) else { throw BinaryReader.Malformed() }
                return GroupRoute(operations: all, opIndex: o, routeIndex: routeIndex, function: try SwiftName(spelled: try r.string()),
                                  operationName: try SwiftName(spelled: try r.string()))
            }
            return RouteGroup(path: path, prefix: prefix, routes: routes)
        }
    }
}
