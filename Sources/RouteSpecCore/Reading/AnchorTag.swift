/// `<a name="x"></a>` or `<a id="x"></a>` at the start of a heading.
enum AnchorTag {
    static func find(in s: String) -> (name: String, range: Range<String.Index>)? {
        // Most headings hold no tag at all: that is told without copying them.
        guard s.withUTF8Span({ $0.contains(ASCII.lessThan) }) else { return nil }
        let b = Array(s.utf8)
        guard let open = b.firstIndex(of: Array("<a ".utf8), from: 0) ?? b.firstIndex(of: Array("<A ".utf8), from: 0),
              let tagEnd = b.firstIndex(of: [ASCII.greaterThan], from: open) else { return nil }
        var name: [UInt8]? = nil
        for key in ["name=", "id="] {
            guard let k = b.firstIndex(of: Array(key.utf8), from: open, end: tagEnd) else { continue }
            var v = k + key.utf8.count
            if v < tagEnd, b[v] == UInt8(ascii: "\"") || b[v] == UInt8(ascii: "'") {
                let quote = b[v]
                v += 1
                var e = v
                while e < tagEnd, b[e] != quote { e += 1 }
                name = Array(b[v..<e])
            } else {
                var e = v
                while e < tagEnd, b[e] != ASCII.space { e += 1 }
                name = Array(b[v..<e])
            }
            break
        }
        guard let found = name, !found.isEmpty else { return nil }
        var end = tagEnd + 1
        var j = end
        while j < b.count, b[j] == ASCII.space { j += 1 }
        if b.hasPrefixIgnoringCase(Array("</a>".utf8), at: j) { end = j + 4 }
        let u = s.utf8
        let lower = u.index(u.startIndex, offsetBy: open)
        let upper = u.index(u.startIndex, offsetBy: end)
        return (String(decoding: found, as: UTF8.self).lowercased(), lower..<upper)
    }
}
