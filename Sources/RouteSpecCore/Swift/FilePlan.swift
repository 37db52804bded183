/// Which generated file holds which route groups and client methods, with the digest of every
/// name each file prints (`GeneratedFileKey.names`). It is made from one version's route groups
/// and the generator's options alone, so with a cache it is kept under the groups' key: a
/// recompile whose groups were kept places no group, sorts no client method and hashes no name.
struct FilePlan {
    struct File {
        /// Relative to the output folder: `v1.0/GraphV1+Users.swift`.
        var path: String
        var parts: [SwiftRouteGenerator.FilePart]
        /// Everything the file prints but its operations' content.
        var names: ContentHash
    }

    /// In order of their paths.
    var files: [File]

    func encode(_ w: inout BinaryWriter) {
        w.array(files) { w, file in
            w.string(file.path)
            file.names.encode(&w)
            w.array(file.parts) { w, part in
                w.int(part.builder)
                w.array(part.methods) { w, method in
                    w.array(method) { w, route in
                        w.int(route.builder)
                        w.int(route.position)
                    }
                }
            }
        }
    }

    /// A plan read back for `builders` (the groups it was made from): every index must name one
    /// of them, and every path must be one the generator makes for `version` (a path is where a
    /// file is written).
    init(_ r: inout BinaryReader, version: ApiVersion, builders: [RouteGroupBuilder]) throws {
        let prefix = version.rawValue + "/" + GeneratedNames.versionNamespace(version).text + "+"
        files = try r.array { r in
            let path = try r.string()
            guard Self.isFileName(path, after: prefix) else { throw BinaryReader.Malformed() }
            let names = try ContentHash(&r)
            let parts = try r.array { r in
                let builder = try r.int()
                guard builders.indices.contains(builder) else { throw BinaryReader.Malformed() }
                let methods = try r.array { r in
                    try r.array { r in
                        let b = try r.int(), position = try r.int()
                        guard builders.indices.contains(b), builders[b].group.routes.indices.contains(position) else { throw BinaryReader.Malformed() }
                        return SwiftRouteGenerator.MethodRoute(builder: b, position: position)
                    }
                }
                return SwiftRouteGenerator.FilePart(builder: builder, methods: methods)
            }
            return File(path: path, parts: parts, names: names)
        }
    }

    init(files: [File]) { self.files = files }

    /// `prefix`, then letters, digits and `_`, then `.swift`.
    private static func isFileName(_ path: String, after prefix: String) -> Bool {
        guard path.hasPrefix(prefix), path.hasSuffix(".swift") else { return false }
        let name = path.utf8.dropFirst(prefix.utf8.count).dropLast(".swift".utf8.count)
        return !name.isEmpty && name.allSatisfy { $0 == UInt8(ascii: "_") || ASCII.isAlphanumeric($0) }
    }
}
