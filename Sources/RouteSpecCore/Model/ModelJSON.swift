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
    public func jsonBytes(cache: DerivedCache? = nil, digests given: OperationDigests? = nil, threads: Int) -> [UInt8] {
        let digests = cache == nil ? nil : OperationDigests.of(operations, given: given, threads: threads)
        // A fragment from the cache stays where the cache file lies until copied into the result.
        let fragments = ParallelMap.map(Array(operations.indices), threads: threads) { o -> Fragment in
            let op = operations[o]
            let fresh = { () -> [UInt8] in
                var out: [UInt8] = []
                op.json().write(into: &out, indent: 4)
                return out
            }
            guard let cache, let digests else { return .made(fresh()) }
            return cache.value(DerivedCache.key(.operationJSON) { $0.add(digests.inOrder[o]) }, decode: { .stored(try $0.rawSlice()) },
                               encode: { fragment, w in fragment.withBytes { w.raw(Array($0)) } }, make: { .made(fresh()) })
        }
        // The layout `JSONValue` gives the whole model: keys sorted, the operations at depth 2.
        var head = Array("{\n  \"diagnostics\": ".utf8)
        JSONValue.array(diagnostics.map { $0.json() }).write(into: &head, indent: 2)
        head += Array(",\n  \"operations\": ".utf8)
        head += Array((fragments.isEmpty ? "[]" : "[").utf8)
        var tail = Array((fragments.isEmpty ? "" : "\n  ]").utf8)
        tail += Array(",\n  \"schemaVersion\": ".utf8)
        JSONValue.int(Model.schemaVersion).write(into: &tail, indent: 2)
        tail += Array("\n}\n".utf8)
        let first = Array("\n    ".utf8), next = Array(",\n    ".utf8)
        // One buffer of the final size: growing it step by step would copy and touch it twice.
        let total = head.count + tail.count + fragments.reduce(0) { $0 + $1.count } + next.count * fragments.count
        var out: [UInt8] = []
        out.reserveCapacity(total)
        out += head
        for (i, fragment) in fragments.enumerated() {
            out += i == 0 ? first : next
            fragment.withBytes { out.append(contentsOf: $0) }
        }
        out += tail
        return out
    }

    /// One operation's JSON: made this run, or as the cache file holds it.
    private enum Fragment {
        case made([UInt8])
        case stored(SharedBytes.Slice)

        var count: Int {
            switch self {
            case .made(let bytes): bytes.count
            case .stored(let slice): slice.range.count
            }
        }

        func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
            switch self {
            case .made(let bytes): bytes.withUnsafeBytes(body)
            case .stored(let slice): body(slice.bytes)
            }
        }
    }
}

extension APIOperation {
    func json() -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(id),
            "apiVersion": .string(apiVersion.rawValue),
            "name": .string(name),
            "routes": .array(routes.map { $0.json() }),
            "responses": .array(responses.map { $0.json() }),
            "sources": .array(sources.map { $0.json() }),
        ]
        if let title { o["title"] = .string(title) }
        if let permissions { o["permissions"] = permissions.json() }
        if !permissionTables.isEmpty { o["permissionTables"] = .array(permissionTables.map { $0.json() }) }
        return .object(o)
    }
}

extension Route {
    func json() -> JSONValue {
        var o: [String: JSONValue] = ["method": .string(method), "path": .string(path), "line": .int(line)]
        if !parameters.isEmpty { o["parameters"] = .array(parameters.map { $0.json() }) }
        if let permissions { o["permissions"] = permissions.json() }
        return .object(o)
    }
}

extension RouteParameter {
    func json() -> JSONValue {
        var o: [String: JSONValue] = ["name": .string(name)]
        if !alternatives.isEmpty { o["alternatives"] = .array(alternatives.map(JSONValue.string)) }
        return .object(o)
    }
}

extension PermissionSet {
    func json() -> JSONValue {
        var o: [String: JSONValue] = [:]
        for kind in SchemeKind.allCases {
            if let s = self[kind] { o[kind.rawValue] = s.json() }
        }
        return .object(o)
    }
}

extension Scheme {
    func json() -> JSONValue {
        guard supported else { return .object(["supported": .bool(false)]) }
        var o: [String: JSONValue] = [
            "supported": .bool(true),
            "leastPrivileged": .array(leastPrivileged.map(JSONValue.string)),
            "higherPrivileged": .array(higherPrivileged.map(JSONValue.string)),
        ]
        if !unparsed.isEmpty { o["unparsed"] = .array(unparsed.map(JSONValue.string)) }
        if !combinations.isEmpty { o["combinations"] = .array(combinations.map { .array($0.map(JSONValue.string)) }) }
        if noPermissionRequired { o["noPermissionRequired"] = .bool(true) }
        return .object(o)
    }
}

extension PermissionTable {
    func json() -> JSONValue {
        var o: [String: JSONValue] = ["line": .int(line), "permissions": permissions.json()]
        if let heading { o["heading"] = .string(heading) }
        if let anchor { o["anchor"] = .string(anchor) }
        if let audience { o["audience"] = .string(audience) }
        return .object(o)
    }
}

extension Response {
    func json() -> JSONValue {
        .object(["status": .int(status), "foundIn": .array(foundIn.map(JSONValue.string))])
    }
}

extension Source {
    func json() -> JSONValue {
        var o: [String: JSONValue] = ["path": .string(path), "locale": .string(locale), "line": .int(line), "primary": .bool(primary)]
        if let date { o["date"] = .string(date) }
        return .object(o)
    }
}

extension Diagnostic {
    func json() -> JSONValue {
        .object([
            "severity": .string(severity.rawValue), "path": .string(path), "line": .int(line), "column": .int(column),
            "code": .string(code), "message": .string(message),
        ])
    }
}
