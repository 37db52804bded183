/// A route path with `{name}` placeholders, e.g. `/users/{id}/photo/$value` or
/// `/reports/getEmailActivityUserDetail(period='{period_value}')`. Rendering percent-encodes each
/// argument as exactly one path segment, so a value can never change which route is called.
public struct PathTemplate: Sendable, Hashable, CustomStringConvertible {
    public enum Token: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    public let text: String
    public let tokens: [Token]

    public init(_ text: String) {
        self.text = text
        var tokens: [Token] = []
        var literal = ""
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "{", let close = text[i...].firstIndex(of: "}") {
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" }
                tokens.append(.placeholder(String(text[text.index(after: i)..<close])))
                i = text.index(after: close)
            } else {
                literal.append(text[i])
                i = text.index(after: i)
            }
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        self.tokens = tokens
    }

    public var description: String { text }

    public var placeholders: [String] {
        tokens.compactMap { if case .placeholder(let p) = $0 { return p } else { return nil } }
    }

    /// The path with `arguments` filled in, in placeholder order. Missing arguments render empty.
    public func render(_ arguments: [String]) -> String {
        var out = ""
        var next = 0
        for token in tokens {
            switch token {
            case .literal(let l): out += l
            case .placeholder:
                if next < arguments.count { out += PathSegment.encode(arguments[next]) }
                next += 1
            }
        }
        return out
    }

    /// The decoded arguments if `path` (no query, no version prefix) fits this template. Literals
    /// compare case-insensitively (Graph paths are); a placeholder never spans a `/`.
    public func match(_ path: String) -> [String]? {
        let target = Array(path.utf8)
        var position = 0
        var captured: [String] = []
        for (index, token) in tokens.enumerated() {
            switch token {
            case .literal(let l):
                let lit = Array(l.utf8)
                guard position + lit.count <= target.count else { return nil }
                for k in 0..<lit.count where PathSegment.lower(target[position + k]) != PathSegment.lower(lit[k]) { return nil }
                position += lit.count
            case .placeholder:
                // Up to the next literal's first byte, or the end of the segment.
                var stop: UInt8? = nil
                if index + 1 < tokens.count, case .literal(let next) = tokens[index + 1] { stop = next.utf8.first }
                var end = position
                while end < target.count, target[end] != UInt8(ascii: "/"), target[end] != stop { end += 1 }
                guard end > position else { return nil }
                captured.append(PathSegment.decode(target[position..<end]))
                position = end
            }
        }
        return position == target.count ? captured : nil
    }
}

/// Percent-encoding of one path segment: everything but RFC 3986 unreserved characters.
public enum PathSegment {
    private static let hex = Array("0123456789ABCDEF".utf8)

    public static func encode(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for b in value.utf8 {
            if isUnreserved(b) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out: [UInt8] = []
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                let h1 = bytes.index(after: i)
                if h1 != bytes.endIndex {
                    let h2 = bytes.index(after: h1)
                    if h2 != bytes.endIndex, let hi = hexValue(bytes[h1]), let lo = hexValue(bytes[h2]) {
                        out.append(hi << 4 | lo)
                        i = bytes.index(after: h2)
                        continue
                    }
                }
            }
            out.append(b)
            i = bytes.index(after: i)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
    }

    static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}
