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
