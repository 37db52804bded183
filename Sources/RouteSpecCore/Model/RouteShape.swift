/// A route's identity for comparing translations: method plus path lower-cased with every
/// placeholder written `{}` (translations rename placeholders, never the route).
struct RouteShape: Hashable, Comparable {
    var method: String
    var path: String

    init(method: String, path: String) {
        self.method = method.uppercased()
        // Paths are nearly always ASCII: then lower-cased and rewritten as bytes.
        let ascii = path.utf8.allSatisfy { $0 < 0x80 }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        var depth = 0
        for b in ascii ? Array(path.utf8) : Array(path.lowercased().utf8) {
            if b == ASCII.openBrace { if depth == 0 { out += [ASCII.openBrace, ASCII.closeBrace] }; depth += 1; continue }
            if b == ASCII.closeBrace { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ASCII.lower(b)) }
        }
        let shape = String(decoding: out, as: UTF8.self)
        self.path = shape.has("'{}'") ? shape.replacingOccurrences(of: "'{}'", with: "{}") : shape
    }

    static func < (a: RouteShape, b: RouteShape) -> Bool { (a.path, a.method) < (b.path, b.method) }

    var description: String { "\(method) \(path)" }
}
