/// The model as JSON, in the contract's shape.
extension Model {
    public func json() -> JSONValue {
        .object([
            "schemaVersion": .int(Model.schemaVersion),
            "operations": .array(operations.map { $0.json() }),
            "diagnostics": .array(diagnostics.map { $0.json() }),
        ])
    }
}

extension Model {
    /// `json().serializedBytes()`, the model file's bytes, made operation by operation on
    /// `threads` threads. With a cache, each operation's JSON is kept under the operation's digest
    /// (`digests`, of this model's operations, are made here when not given).
    public func jsonBytes(cache: DerivedCache? = nil, digests: OperationDigests? = nil, threads: Int) -> [UInt8] {
        jsonChunks(cache: cache, digests: digests, threads: threads).joined()
    }

    /// The same bytes as the pieces they are made of, to be written as they are (`AtomicFile`):
    /// an operation's JSON from the cache stays where the cache file lies.
    public func jsonChunks(cache: DerivedCache? = nil, digests given: OperationDigests? = nil, threads: Int) -> ByteChunks {
        let digests = cache == nil ? nil : OperationDigests.of(operations, given: given, threads: threads)
        let fragments = ParallelMap.map(Array(operations.indices), threads: threads) { o -> ByteChunks.Chunk in
            let fresh = { () -> [UInt8] in
                // A kilobyte and a half per operation and half a kilobyte per route: a little more than most need.
                var writer = JSONTextWriter(indent: 4, capacity: 1536 + 512 * operations[o].routes.count)
                operations[o].encode(to: &writer)
                return writer.takeBytes()
            }
            guard let cache, let digests else { return .made(fresh()) }
            return cache.value(DerivedCache.key(.operationJSON) { $0.add(digests.inOrder[o]) }, decode: { .stored(try $0.rawSlice()) },
                               encode: { fragment, w in fragment.withBytes { w.raw(Array($0)) } }, make: { .made(fresh()) })
        }
        // The layout `JSONValue` gives the whole model: keys sorted, the operations at depth 2.
        var diagnosticsText = JSONTextWriter(indent: 2)
        diagnosticsText.array(diagnostics) { $1.encode(to: &$0) }
        var text = ByteChunks()
        text.append(Array("{\n  \"diagnostics\": ".utf8) + diagnosticsText.takeBytes() + Array(",\n  \"operations\": ".utf8)
                    + Array((fragments.isEmpty ? "[]" : "[").utf8))
        let first = Array("\n    ".utf8), next = Array(",\n    ".utf8)
        for (i, fragment) in fragments.enumerated() {
            text.append(i == 0 ? first : next)
            text.append(fragment)
        }
        var tail = OutputBytes()
        tail.append(fragments.isEmpty ? "" : "\n  ]")
        tail.append(",\n  \"schemaVersion\": ")
        JSONValue.int(Model.schemaVersion).write(into: &tail, indent: 2)
        tail.append("\n}\n")
        text.append(tail.takeBytes())
        return text
    }
}

// Each encoder writes its members in key order (see `JSONSink`).

extension APIOperation {
    func json() -> JSONValue { JSONValueBuilder.build { encode(to: &$0) } }

    func encode<S: JSONSink>(to s: inout S) {
        s.object { s in
            s.field("apiVersion"); s.string(apiVersion.rawValue)
            s.field("id"); s.string(id)
            s.field("name"); s.string(name)
            if !permissionTables.isEmpty { s.field("permissionTables"); s.array(permissionTables) { $1.encode(to: &$0) } }
            if let permissions { s.field("permissions"); permissions.encode(to: &s) }
            s.field("responses"); s.array(responses) { $1.encode(to: &$0) }
            s.field("routes"); s.array(routes) { $1.encode(to: &$0) }
            s.field("sources"); s.array(sources) { $1.encode(to: &$0) }
            if let title { s.field("title"); s.string(title) }
        }
    }
}

extension Route {
    func encode<S: JSONSink>(to s: inout S) {
        s.object { s in
            s.field("line"); s.int(line)
            s.field("method"); s.string(method)
            if !parameters.isEmpty { s.field("parameters"); s.array(parameters) { $1.encode(to: &$0) } }
            s.field("path"); s.string(path)
            if let permissions { s.field("permissions"); permissions.encode(to: &s) }
        }
    }
}

extension RouteParameter {
    func encode<S: JSONSink>(to s: inout S) {
        s.object { s in
            if !alternatives.isEmpty { s.field("alternatives"); s.strings(alternatives) }
            s.field("name"); s.string(name)
        }
    }
}

extension PermissionSet {
    private static let kindsByName = SchemeKind.allCases.sorted { JSONValue.keyOrder($0.rawValue, $1.rawValue) }

    /// `kind.rawValue`, as the field name it is in the JSON.
    private static func fieldName(_ kind: SchemeKind) -> StaticString {
        let name: StaticString = switch kind {
        case .delegatedWork: "delegatedWork"
        case .delegatedPersonal: "delegatedPersonal"
        case .application: "application"
        }
        assert("\(name)" == kind.rawValue, "field name \(name) is not \(kind.rawValue)")
        return name
    }

    func encode<S: JSONSink>(to s: inout S) {
        s.object { s in
            for kind in Self.kindsByName {
                if let scheme = self[kind] { s.field(Self.fieldName(kind)); scheme.encode(to: &s) }
            }
        }
    }
}

extension Scheme {
    func encode<S: JSONSink>(to s: inout S) {
        s.object { s in
            guard supported else { s.field("supported"); s.bool(false); return }
            if !combinations.isEmpty { s.field("combinations"); s.array(combinations) { $0.strings($1) } }
            s.field("higherPrivileged"); s.strings(higherPrivileged)
            s.field("leastPrivileged"); s.strings(leastPrivileged)
            if noPermissionRequired { s.field("noPermissionRequired"); s.bool(true) }
            s.field("supported"); s.bool(true)
            if !unparsed.isEmpty { s.field("unparsed"); s.strings(unparsed) }
        }
    }
}

extension PermissionTable {
    func encode<S: JSONSink>(to s: inout S) {
        s.object { s in
            if let anchor { s.field("anchor"); s.string(anchor) }
            if let audience { s.field("audience"); s.string(audience) }
            if let heading { s.field("heading"); s.string(heading) }
            s.field("line"); s.int(line)
            s.field("permissions"); permissions.encode(to: &s)
        }
    }
}

extension Response {
    func encode<S: JSONSink>(to s: inout S) {
        s.object { s in
            s.field("foundIn"); s.strings(foundIn)
            s.field("status"); s.int(status)
        }
    }
}

extension Source {
    func encode<S: JSONSink>(to s: inout S) {
        s.object { s in
            if let date { s.field("date"); s.string(date) }
            s.field("line"); s.int(line)
            s.field("locale"); s.string(locale)
            s.field("path"); s.string(path)
            s.field("primary"); s.bool(primary)
        }
    }
}

extension Diagnostic {
    func json() -> JSONValue { JSONValueBuilder.build { encode(to: &$0) } }

    func encode<S: JSONSink>(to s: inout S) {
        s.object { s in
            s.field("code"); s.string(code)
            s.field("column"); s.int(column)
            s.field("line"); s.int(line)
            s.field("message"); s.string(message)
            s.field("path"); s.string(path)
            s.field("severity"); s.string(severity.rawValue)
        }
    }
}
