/// The key of everything a generated Swift file is printed from: its names (`names`: its path,
/// and for each part its group's type, prefix and routes' names, and each client method's
/// routes) and the digest of each operation it prints, in the order printed. Two files with one
/// key print the same bytes (with one compiler), so a file whose key is what it was need not be
/// printed again.
struct GeneratedFileKey {
    let digests: OperationDigests

    /// Everything but the operations: made with the file's place in the plan (`FilePlan`), and
    /// kept with it.
    static func names(path: String, parts: [SwiftRouteGenerator.FilePart], builders: [RouteGroupBuilder], types: [SwiftType]) -> ContentHash {
        var b = ContentHash.Builder()
        b.add("swiftFile")
        b.add(path)
        b.add(parts.count)
        for part in parts {
            let group = builders[part.builder].group
            b.add(types[part.builder].text)
            b.add(group.prefix)
            b.add(group.routes.count)
            for r in group.routes { add(r, to: &b) }
            b.add(part.methods.count)
            for method in part.methods {
                b.add(method.count)
                for route in method {
                    b.add(types[route.builder].text)
                    add(builders[route.builder].group.routes[route.position], to: &b)
                }
            }
        }
        return b.hash
    }

    private static func add(_ r: GroupRoute, to b: inout ContentHash.Builder) {
        b.add(r.routeIndex)
        b.add(r.function.text)
        b.add(r.operationName.text)
    }

    /// The file's key: its names, then each route's operation's digest in the order `names` took
    /// the routes (the counts that fix that order are in the names).
    func key(names: ContentHash, parts: [SwiftRouteGenerator.FilePart], builders: [RouteGroupBuilder]) -> ContentHash {
        var b = ContentHash.Builder()
        b.add(names)
        for part in parts {
            for r in builders[part.builder].group.routes { b.add(digests.inOrder[r.modelIndex]) }
            for method in part.methods {
                for route in method { b.add(digests.inOrder[builders[route.builder].group.routes[route.position].modelIndex]) }
            }
        }
        return b.hash
    }
}
