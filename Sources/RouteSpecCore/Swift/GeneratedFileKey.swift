/// The key of everything a generated Swift file is printed from: its path, and for each part its
/// group's names and prefix, each route's operation (by digest), route index and names, and each
/// client method's routes. Two files with one key print the same bytes (with one compiler), so a
/// file whose key is what it was need not be printed again.
struct GeneratedFileKey {
    let digests: OperationDigests

    func key(path: String, parts: [SwiftRouteGenerator.FilePart], builders: [RouteGroupBuilder], types: [SwiftType]) -> ContentHash {
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

    private func add(_ r: GroupRoute, to b: inout ContentHash.Builder) {
        b.add(digests.inOrder[r.modelIndex])
        b.add(r.routeIndex)
        b.add(r.function.text)
        b.add(r.operationName.text)
    }
}
