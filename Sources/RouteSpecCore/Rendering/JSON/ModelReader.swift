/// Reads a model file written by `routespec` (the contract's shape) back into a `Model`, for the
/// review commands that compare models. Unknown fields are ignored; missing ones take defaults.
public enum ModelReader {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func read(_ bytes: [UInt8]) throws -> Model {
        let root = try JSONParser.parse(bytes)
        guard case .object = root, root["operations"] != nil else {
            throw Failure(description: "not a RouteSpec model (no 'operations')")
        }
        if let version = root["schemaVersion"]?.intValue, version > Model.schemaVersion {
            throw Failure(description: "schemaVersion \(version) is newer than this routespec reads (\(Model.schemaVersion))")
        }
        let operations = root["operations"]!.arrayValue.compactMap(operation)
        let diagnostics = (root["diagnostics"]?.arrayValue ?? []).compactMap(diagnostic)
        return Model(operations: operations, diagnostics: diagnostics)
    }

    private static func operation(_ v: JSONValue) -> APIOperation? {
        guard let id = v["id"]?.stringValue, let version = v["apiVersion"]?.stringValue.flatMap(ApiVersion.init(rawValue:)) else { return nil }
        return APIOperation(
            id: id, apiVersion: version, name: v["name"]?.stringValue ?? "", title: v["title"]?.stringValue,
            routes: (v["routes"]?.arrayValue ?? []).compactMap(route),
            permissions: v["permissions"].map(permissionSet),
            permissionVariants: variants(v["permissionVariants"]),
            permissionTables: (v["permissionTables"]?.arrayValue ?? []).map { t in
                PermissionTable(heading: t["heading"]?.stringValue, anchor: t["anchor"]?.stringValue, audience: t["audience"]?.stringValue,
                                line: t["line"]?.intValue ?? 0, permissions: permissionSet(t["permissions"] ?? .object([:])))
            },
            responses: (v["responses"]?.arrayValue ?? []).compactMap { r in
                r["status"]?.intValue.map { Response(status: $0, foundIn: (r["foundIn"]?.arrayValue ?? []).compactMap(\.stringValue)) }
            },
            sources: (v["sources"]?.arrayValue ?? []).map { s in
                Source(path: s["path"]?.stringValue ?? "", locale: s["locale"]?.stringValue ?? "", line: s["line"]?.intValue ?? 0,
                       date: s["date"]?.stringValue, primary: s["primary"]?.boolValue ?? false)
            },
            request: v["request"].map { r in
                RequestShape(headers: (r["headers"]?.arrayValue ?? []).map { RequestHeader(name: $0["name"]?.stringValue ?? "", required: $0["required"]?.boolValue ?? false) },
                             body: r["body"]?.boolValue, queryOptions: (r["queryOptions"]?.arrayValue ?? []).compactMap(\.stringValue))
            },
            responseBody: v["responseBody"].map { ResponseBody(resource: $0["resource"]?.stringValue, collection: $0["collection"]?.boolValue) })
    }

    private static func route(_ v: JSONValue) -> Route? {
        guard let method = v["method"]?.stringValue, let path = v["path"]?.stringValue else { return nil }
        return Route(method: method, path: path,
                     parameters: (v["parameters"]?.arrayValue ?? []).map { p in
                         RouteParameter(name: p["name"]?.stringValue ?? "", alternatives: (p["alternatives"]?.arrayValue ?? []).compactMap(\.stringValue))
                     },
                     permissions: v["permissions"].map(permissionSet), permissionVariants: variants(v["permissionVariants"]),
                     line: v["line"]?.intValue ?? 0)
    }

    private static func variants(_ v: JSONValue?) -> [PermissionVariant] {
        (v?.arrayValue ?? []).map { PermissionVariant(condition: $0["condition"]?.stringValue ?? "", permissions: permissionSet($0["permissions"] ?? .object([:]))) }
    }

    private static func permissionSet(_ v: JSONValue) -> PermissionSet {
        var set = PermissionSet()
        for kind in SchemeKind.allCases {
            guard let s = v[kind.rawValue] else { continue }
            let names = { (key: String) in (s[key]?.arrayValue ?? []).compactMap(\.stringValue) }
            var scheme = Scheme(supported: s["supported"]?.boolValue ?? false, leastPrivileged: names("leastPrivileged"),
                                higherPrivileged: names("higherPrivileged"), unparsed: names("unparsed"),
                                combinations: (s["combinations"]?.arrayValue ?? []).map { $0.arrayValue.compactMap(\.stringValue) },
                                noPermissionRequired: s["noPermissionRequired"]?.boolValue ?? false)
            scheme.incomplete = s["incomplete"]?.boolValue ?? false
            scheme.docsSpelling = (s["docsSpelling"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
            set[kind] = scheme
        }
        set.from = v["from"]?.stringValue
        return set
    }

    private static func diagnostic(_ v: JSONValue) -> Diagnostic? {
        guard let severity = v["severity"]?.stringValue.flatMap(Diagnostic.Severity.init(rawValue:)) else { return nil }
        return Diagnostic(severity, v["code"]?.stringValue ?? "", v["message"]?.stringValue ?? "", path: v["path"]?.stringValue ?? "",
                          line: v["line"]?.intValue ?? 1, column: v["column"]?.intValue ?? 1)
    }
}
