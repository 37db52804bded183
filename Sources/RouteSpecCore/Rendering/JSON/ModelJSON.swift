/// The model as JSON, in the contract's shape (`JSONValue` sorts the keys when it writes them).
extension Model {
    public func json() -> JSONValue {
        .object([
            "schemaVersion": .int(Model.schemaVersion),
            "operations": .array(operations.map { $0.json() }),
            "diagnostics": .array(diagnostics.map { $0.json() }),
        ])
    }
}

/// `.array` of strings.
private func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }

extension APIOperation {
    func json() -> JSONValue {
        var o: [String: JSONValue] = [
            "apiVersion": .string(apiVersion.rawValue),
            "id": .string(id),
            "name": .string(name),
            "responses": .array(responses.map { $0.json() }),
            "routes": .array(routes.map { $0.json() }),
            "sources": .array(sources.map { $0.json() }),
        ]
        if !permissionTables.isEmpty { o["permissionTables"] = .array(permissionTables.map { $0.json() }) }
        if let permissions { o["permissions"] = permissions.json() }
        if !permissionVariants.isEmpty { o["permissionVariants"] = .array(permissionVariants.map { $0.json() }) }
        if let title { o["title"] = .string(title) }
        if let request {
            var r: [String: JSONValue] = [
                "headers": .array(request.headers.map { .object(["name": .string($0.name), "required": .bool($0.required)]) }),
                "queryOptions": strings(request.queryOptions),
            ]
            if let body = request.body { r["body"] = .bool(body) }
            o["request"] = .object(r)
        }
        if let responseBody {
            var r: [String: JSONValue] = [:]
            if let resource = responseBody.resource { r["resource"] = .string(resource) }
            if let collection = responseBody.collection { r["collection"] = .bool(collection) }
            o["responseBody"] = .object(r)
        }
        return .object(o)
    }
}

extension Route {
    func json() -> JSONValue {
        var o: [String: JSONValue] = ["line": .int(line), "method": .string(method), "path": .string(path)]
        if !parameters.isEmpty { o["parameters"] = .array(parameters.map { $0.json() }) }
        if let permissions { o["permissions"] = permissions.json() }
        if !permissionVariants.isEmpty { o["permissionVariants"] = .array(permissionVariants.map { $0.json() }) }
        return .object(o)
    }
}

extension PermissionVariant {
    func json() -> JSONValue { .object(["condition": .string(condition), "permissions": permissions.json()]) }
}

extension RouteParameter {
    func json() -> JSONValue {
        var o: [String: JSONValue] = ["name": .string(name)]
        if !alternatives.isEmpty { o["alternatives"] = strings(alternatives) }
        return .object(o)
    }
}

extension PermissionSet {
    func json() -> JSONValue {
        var o: [String: JSONValue] = [:]
        if let from { o["from"] = .string(from) }
        for kind in SchemeKind.allCases {
            if let scheme = self[kind] { o[kind.rawValue] = scheme.json() }
        }
        return .object(o)
    }
}

extension Scheme {
    func json() -> JSONValue {
        guard supported else { return .object(["supported": .bool(false)]) }
        var o: [String: JSONValue] = [
            "alternatives": .array(alternatives.map(strings)),
            "higherPrivileged": strings(higherPrivileged),
            "leastPrivileged": strings(leastPrivileged),
            "supported": .bool(true),
        ]
        if !combinations.isEmpty { o["combinations"] = .array(combinations.map(strings)) }
        if !docsSpelling.isEmpty { o["docsSpelling"] = .object(docsSpelling.mapValues(JSONValue.string)) }
        if incomplete { o["incomplete"] = .bool(true) }
        if noPermissionRequired { o["noPermissionRequired"] = .bool(true) }
        if !unparsed.isEmpty { o["unparsed"] = strings(unparsed) }
        return .object(o)
    }
}

extension PermissionTable {
    func json() -> JSONValue {
        var o: [String: JSONValue] = ["line": .int(line), "permissions": permissions.json()]
        if let anchor { o["anchor"] = .string(anchor) }
        if let audience { o["audience"] = .string(audience) }
        if let heading { o["heading"] = .string(heading) }
        return .object(o)
    }
}

extension Response {
    func json() -> JSONValue { .object(["foundIn": strings(foundIn), "status": .int(status)]) }
}

extension Source {
    func json() -> JSONValue {
        var o: [String: JSONValue] = ["line": .int(line), "locale": .string(locale), "path": .string(path), "primary": .bool(primary)]
        if let date { o["date"] = .string(date) }
        return .object(o)
    }
}

extension Diagnostic {
    func json() -> JSONValue {
        .object([
            "code": .string(code), "column": .int(column), "line": .int(line),
            "message": .string(message), "path": .string(path), "severity": .string(severity.rawValue),
        ])
    }
}
