/// Operations to bytes and back, for the derived cache, and the digest that names an operation's
/// content. Encoder and decoder sit side by side, field by field; `DerivedCache.format` must
/// change whenever this layout does.
extension APIOperation {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.string(id)
        w.string(apiVersion.rawValue)
        w.string(name)
        w.optional(title) { $0.string($1) }
        w.array(routes) { $1.encode(&$0) }
        w.optional(permissions) { $1.encode(&$0) }
        w.array(permissionTables) { $1.encode(&$0) }
        w.array(responses) { w, r in
            w.int(r.status)
            w.strings(r.foundIn)
        }
        w.array(sources) { $1.encode(&$0) }
    }

    init(_ r: inout BinaryReader) throws {
        self.init(id: try r.string(), apiVersion: try r.enumeration(ApiVersion.self), name: try r.string(),
                  title: try r.optional { try $0.string() }, routes: try r.array { try Route(&$0) },
                  permissions: try r.optional { try PermissionSet(&$0) }, permissionTables: try r.array { try PermissionTable(&$0) },
                  responses: try r.array { Response(status: try $0.int(), foundIn: try $0.strings()) },
                  sources: try r.array { try Source(&$0) })
    }

    /// Names the operation's whole content: equal digests, equal operations (barring a collision
    /// of the 128-bit hash), so whatever is derived from an operation alone can be keyed on it.
    var digest: ContentHash {
        var w = DigestWriter()
        encode(&w)
        return w.digest
    }
}

extension Route {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.string(method)
        w.string(path)
        w.array(parameters) { $1.encode(&$0) }
        w.optional(permissions) { $1.encode(&$0) }
        w.int(line)
    }

    init(_ r: inout BinaryReader) throws {
        self.init(method: try r.string(), path: try r.string(),
                  parameters: try r.array { try RouteParameter(&$0) },
                  permissions: try r.optional { try PermissionSet(&$0) }, line: try r.int())
    }
}

extension PermissionSet {
    func encode<W: FieldWriter>(_ w: inout W) {
        for kind in SchemeKind.allCases { w.optional(self[kind]) { $1.encode(&$0) } }
    }

    init(_ r: inout BinaryReader) throws {
        self.init()
        for kind in SchemeKind.allCases { self[kind] = try r.optional { try Scheme(&$0) } }
    }
}

extension PermissionTable {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.optional(heading) { $0.string($1) }
        w.optional(anchor) { $0.string($1) }
        w.optional(audience) { $0.string($1) }
        w.int(line)
        permissions.encode(&w)
    }

    init(_ r: inout BinaryReader) throws {
        self.init(heading: try r.optional { try $0.string() }, anchor: try r.optional { try $0.string() },
                  audience: try r.optional { try $0.string() }, line: try r.int(), permissions: try PermissionSet(&r))
    }
}

extension Source {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.string(path)
        w.string(locale)
        w.int(line)
        w.optional(date) { $0.string($1) }
        w.bool(primary)
    }

    init(_ r: inout BinaryReader) throws {
        self.init(path: try r.string(), locale: try r.string(), line: try r.int(), date: try r.optional { try $0.string() },
                  primary: try r.bool())
    }
}
