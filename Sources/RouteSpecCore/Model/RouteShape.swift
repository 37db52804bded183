/// A route's identity for comparing translations: method plus path lower-cased with every
/// placeholder written `{}` (translations rename placeholders, never the route).
struct RouteShape: Hashable, Comparable {
    var method: String
    var path: String

    init(method: String, path: String) {
        self.method = method.uppercased()
        var out = ""
        var depth = 0
        for ch in path.lowercased() {
            if ch == "{" { if depth == 0 { out += "{}" }; depth += 1; continue }
            if ch == "}" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        self.path = out.has("'{}'") ? out.replacingOccurrences(of: "'{}'", with: "{}") : out
    }

    static func < (a: RouteShape, b: RouteShape) -> Bool { (a.path, a.method) < (b.path, b.method) }

    var description: String { "\(method) \(path)" }
}
