/// `PageExtractor.Outcome` to bytes and back, for the facts cache. Encoder and decoder sit side by
/// side, field by field, so that a field added to one is seen missing from the other in review;
/// the cache format version (`FactsCache.format`) must change whenever this layout does.
extension PageExtractor.Outcome {
    func encoded() -> [UInt8] {
        var w = BinaryWriter()
        switch self {
        case .page(let facts):
            w.bool(true)
            facts.encode(&w)
        case .skipped(let diagnostics):
            w.bool(false)
            w.array(diagnostics) { $1.encode(&$0) }
        }
        return w.bytes
    }

    init(decoding bytes: SharedBytes, range: Range<Int>) throws {
        var r = BinaryReader(bytes, range: range)
        if try r.bool() {
            self = .page(try PageFacts(&r))
        } else {
            self = .skipped(try r.array { try Diagnostic(&$0) })
        }
        guard r.isAtEnd else { throw BinaryReader.Malformed() }
    }
}

extension PageOutcome {
    /// A stored `PageExtractor.Outcome` read as far as a cache hit needs: a page's summary, the
    /// rest of its facts decoded when asked for (`reread` extracts the page afresh should they
    /// not decode).
    init(decoding bytes: SharedBytes, range: Range<Int>, reread: @escaping @Sendable (PageFacts.Summary) -> PageFacts) throws {
        var r = BinaryReader(bytes, range: range)
        if try r.bool() {
            self = .page(LazyPageFacts(summary: try PageFacts.Summary(&r), encoding: bytes, range: range, reread: reread))
        } else {
            self = .skipped(try r.array { try Diagnostic(&$0) })
            guard r.isAtEnd else { throw BinaryReader.Malformed() }
        }
    }
}

extension PageFacts {
    /// What a cache hit reads at once (see `LazyPageFacts`); encoded ahead of the other fields.
    struct Summary {
        var apiVersion: ApiVersion
        var mirrorKey: String?
        var titleAnchor: String?
        var hasRoutes: Bool
        var diagnostics: [Diagnostic]
        var includeProbes: [IncludeProbe]

        func encode<W: FieldWriter>(_ w: inout W) {
            w.string(apiVersion.rawValue)
            w.optional(mirrorKey) { $0.string($1) }
            w.optional(titleAnchor) { $0.string($1) }
            w.bool(hasRoutes)
            w.array(diagnostics) { $1.encode(&$0) }
            w.array(includeProbes) { $1.encode(&$0) }
        }

        init(_ r: inout BinaryReader) throws {
            apiVersion = try r.enumeration(ApiVersion.self)
            mirrorKey = try r.optional { try $0.string() }
            titleAnchor = try r.optional { try $0.string() }
            hasRoutes = try r.bool()
            diagnostics = try r.array { try Diagnostic(&$0) }
            includeProbes = try r.array { try IncludeProbe(&$0) }
        }

        init(of facts: PageFacts) {
            apiVersion = facts.apiVersion
            mirrorKey = facts.mirrorKey
            titleAnchor = facts.titleAnchor
            hasRoutes = !facts.routes.isEmpty
            diagnostics = facts.diagnostics
            includeProbes = facts.includeProbes
        }
    }

    func encode<W: FieldWriter>(_ w: inout W) {
        Summary(of: self).encode(&w)
        w.string(path)
        w.string(locale)
        w.optional(date) { $0.string($1) }
        w.optional(title) { $0.string($1) }
        w.int(titleLine)
        w.array(routes) { $1.encode(&$0) }
        w.array(permissionTables) { $1.encode(&$0) }
        w.array(responses) { $1.encode(&$0) }
        w.bool(hasRequestSection)
    }

    init(_ r: inout BinaryReader) throws {
        let summary = try Summary(&r)
        self.init(path: try r.string(), locale: try r.string(), date: try r.optional { try $0.string() },
                  apiVersion: summary.apiVersion, mirrorKey: summary.mirrorKey)
        titleAnchor = summary.titleAnchor
        diagnostics = summary.diagnostics
        includeProbes = summary.includeProbes
        title = try r.optional { try $0.string() }
        titleLine = try r.int()
        routes = try r.array { try RouteFact(&$0) }
        permissionTables = try r.array { try PermissionTableFact(&$0) }
        responses = try r.array { try ResponseFact(&$0) }
        hasRequestSection = try r.bool()
        guard summary.hasRoutes == !routes.isEmpty else { throw BinaryReader.Malformed() }
    }
}

extension RouteFact {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.string(method)
        w.string(path)
        w.array(parameters) { $1.encode(&$0) }
        w.int(line)
        w.array(headings) { $1.encode(&$0) }
        w.optional(context) { $0.string($1) }
    }

    init(_ r: inout BinaryReader) throws {
        self.init(method: try r.string(), path: try r.string(),
                  parameters: try r.array { try RouteParameter(&$0) },
                  line: try r.int(), headings: try r.array { try HeadingRef(&$0) }, context: try r.optional { try $0.string() })
    }
}

extension RouteParameter {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.string(name)
        w.strings(alternatives)
    }

    init(_ r: inout BinaryReader) throws {
        self.init(name: try r.string(), alternatives: try r.strings())
    }
}

extension HeadingRef {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.optional(anchor) { $0.string($1) }
        w.string(text)
        w.int(line)
    }

    init(_ r: inout BinaryReader) throws {
        self.init(anchor: try r.optional { try $0.string() }, text: try r.string(), line: try r.int())
    }
}

extension PermissionTableFact {
    func encode<W: FieldWriter>(_ w: inout W) {
        permissions.encode(&w)
        w.int(line)
        w.optional(heading) { $1.encode(&$0) }
        w.optional(audience) { $0.string($1) }
        w.bool(isMatrixRow)
    }

    init(_ r: inout BinaryReader) throws {
        self.init(permissions: try PermissionSet(&r), line: try r.int(), heading: try r.optional { try HeadingRef(&$0) },
                  audience: try r.optional { try $0.string() }, isMatrixRow: try r.bool())
    }
}

extension Scheme {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.bool(supported)
        w.strings(leastPrivileged)
        w.strings(higherPrivileged)
        w.strings(unparsed)
        w.array(combinations) { $0.strings($1) }
        w.bool(noPermissionRequired)
    }

    init(_ r: inout BinaryReader) throws {
        self.init(supported: try r.bool(), leastPrivileged: try r.strings(), higherPrivileged: try r.strings(),
                  unparsed: try r.strings(), combinations: try r.array { try $0.strings() }, noPermissionRequired: try r.bool())
    }
}

extension ResponseFact {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.int(status)
        w.string(origin.rawValue)
        w.int(line)
    }

    init(_ r: inout BinaryReader) throws {
        self.init(status: try r.int(), origin: try r.enumeration(Origin.self), line: try r.int())
    }
}

extension Diagnostic {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.string(severity.rawValue)
        w.string(path)
        w.int(line)
        w.int(column)
        w.string(code)
        w.string(message)
        w.optional(file) { $0.string($1) }
    }

    init(_ r: inout BinaryReader) throws {
        let severity = try r.enumeration(Severity.self)
        let path = try r.string(), line = try r.int(), column = try r.int()
        self.init(severity, try r.string(), try r.string(), path: path, line: line, column: column)
        file = try r.optional { try $0.string() }
    }
}

extension IncludeProbe {
    func encode<W: FieldWriter>(_ w: inout W) {
        w.string(target)
        w.string(from)
        w.raw(fingerprint)
    }

    init(_ r: inout BinaryReader) throws {
        self.init(target: try r.string(), from: try r.string(), fingerprint: try r.raw())
    }
}
