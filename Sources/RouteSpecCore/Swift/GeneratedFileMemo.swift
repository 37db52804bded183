/// Keeps each generated Swift file between runs, keyed on everything the file is printed from:
/// its path, and for each part its group's names and prefix, and each route's operation (by
/// digest), route index and names, and each client method's routes. A page change then reprints
/// only the files whose routes it touches.
struct GeneratedFileMemo: Sendable {
    let cache: DerivedCache
    let digests: OperationDigests

    /// The file's UTF-8 text.
    func contents(path: String, parts: [SwiftRouteGenerator.FilePart], builders: [RouteGroupBuilder], types: [SwiftType],
                  print: () -> String) -> [UInt8] {
        let key = DerivedCache.key(.swiftFile) { b in
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
        }
        return cache.value(key, decode: { try $0.raw() }, encode: { $1.raw($0) }, make: { Array(print().utf8) })
    }

    private func add(_ r: GroupRoute, to b: inout ContentHash.Builder) {
        b.add(digests[r.op])
        b.add(r.routeIndex)
        b.add(r.function.text)
        b.add(r.operationName.text)
    }
}
