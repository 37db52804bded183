extension RouteGroups {
    /// `build`, kept between runs under everything it is made from: each operation's id and
    /// naming, and the selection. Titles, permissions and other content do not name routes, so
    /// an edit to them finds the groups of the last run. The key is made from each naming's
    /// digest, kept under its operation's digest (`digests`, in the order of `all`): a hit reads
    /// no naming.
    /// Without a cache, `namings` may be given (in the order of `all`), made beforehand.
    /// With a cache, the key the groups are kept under is returned too: what is made from the
    /// groups alone can be kept under it.
    static func build(all: GroupedOperations, digests: [ContentHash]?, selected: [(op: Int, kept: [Int])],
                      cache: DerivedCache?, namings given: [OperationNaming]? = nil, threads: Int) -> (groups: [RouteGroup], key: ContentHash?) {
        let make = { build(all: all, namings: given ?? namings(all, digests: digests, cache: cache, threads: threads), selected: selected) }
        guard let cache, let digests else { return (make(), nil) }
        let namingDigests = ParallelMap.map(Array(all.indices), threads: threads) { o in
            cache.value(DerivedCache.key(.routeNamesDigest) { $0.add(digests[o]) }, decode: { try ContentHash(&$0) },
                        encode: { $0.encode(&$1) }, make: { namingDigest(all[o], OperationNaming(all[o])) })
        }
        let key = DerivedCache.key(.routeGroups) { b in
            b.add(namingDigests.count)
            for d in namingDigests { b.add(d) }
            b.add(selected.count)
            for s in selected {
                b.add(s.op)
                b.add(s.kept.count)
                for r in s.kept { b.add(r) }
            }
        }
        return (cache.value(key, decode: { try decode(&$0, all: all) }, encode: { encode($0, &$1) }, make: make), key)
    }

    /// What of an operation route groups are made from: its id and its naming.
    private static func namingDigest(_ op: APIOperation, _ naming: OperationNaming) -> ContentHash {
        var w = DigestWriter()
        w.string(op.id)
        naming.encode(&w)
        return w.digest
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
