/// A route's identity for comparing translations: method plus path lower-cased with every
/// placeholder written `{}` (translations rename placeholders, never the route).
struct RouteShape: Hashable, Comparable {
    var method: String
    var path: String

    init(method: String, path: String) {
        self.method = method.uppercased()
        // Paths are nearly always ASCII: then lower-cased and rewritten as bytes as they stand.
        let text = path.utf8.allSatisfy { $0 < 0x80 } ? path : path.lowercased()
        self.path = String(decoding: text.withUTF8Span { Self.shape($0) }, as: UTF8.self)
    }

    /// Lower-cased, each placeholder (nested braces included) as `{}`, and `'{}'` as `{}`.
    private static func shape(_ p: Span<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        var depth = 0
        for i in p.indices {
            let b = p[i]
            if b == ASCII.openBrace {
                if depth == 0 { out.append(ASCII.openBrace); out.append(ASCII.closeBrace) }
                depth += 1
            } else if b == ASCII.closeBrace {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                out.append(ASCII.lower(b))
            }
        }
        guard out.count >= 4, out.contains(ASCII.apostrophe) else { return out }
        var unquoted: [UInt8] = []
        unquoted.reserveCapacity(out.count)
        var i = 0
        while i < out.count {
            if i + 4 <= out.count, out[i] == ASCII.apostrophe, out[i + 1] == ASCII.openBrace, out[i + 2] == ASCII.closeBrace,
               out[i + 3] == ASCII.apostrophe {
                unquoted.append(ASCII.openBrace)
                unquoted.append(ASCII.closeBrace)
                i += 4
            } else {
                unquoted.append(out[i])
                i += 1
            }
        }
        return unquoted
    }

    static func < (a: RouteShape, b: RouteShape) -> Bool { (a.path, a.method) < (b.path, b.method) }

    var description: String { "\(method) \(path)" }
}
