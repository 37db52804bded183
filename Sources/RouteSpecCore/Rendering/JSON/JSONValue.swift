/// A JSON value written deterministically: object keys sorted (`keyOrder`), 2-space
/// indent, `"key": value`, a trailing newline — the same text whatever order the values were
/// built in. The one JSON writer: the model, `diff` and `drift` reports all print through it.
public enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    public func serialized() -> String { String(decoding: serializedBytes(), as: UTF8.self) }

    /// The text as UTF-8. Long arrays (the model's operations) are written on `threads` threads.
    public func serializedBytes(threads: Int = 1) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0, threads: threads)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private func write(into out: inout [UInt8], indent: Int, threads: Int = 1) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { return out += "[]".utf8 }
            out.append(UInt8(ascii: "["))
            let written = threads > 1 && items.count >= 256
                ? ParallelMap.map(items, threads: threads) { item in
                    var text: [UInt8] = []
                    item.write(into: &text, indent: indent + 2)
                    return text
                } : nil
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent + 2)
                if let written { out += written[i] } else { item.write(into: &out, indent: indent + 2, threads: threads) }
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { return out += "{}".utf8 }
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.sorted(by: { Self.keyOrder($0.key, $1.key) }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent + 2)
                Self.writeString(member.key, into: &out)
                out += ": ".utf8
                member.value.write(into: &out, indent: indent + 2, threads: threads)
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Code point order of the keys: for the ASCII keys of the model, the byte order `sort_keys`
    /// tools produce.
    static func keyOrder(_ a: String, _ b: String) -> Bool { a < b }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(UInt8(ascii: "\n"))
        if indent <= spaces.count { out += spaces[..<indent] } else { out += repeatElement(UInt8(ascii: " "), count: indent) }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static let hex = Array("0123456789abcdef".utf8)

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let plain = { (b: UInt8) in b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F }
        if s.withUTF8Span({ $0.allSatisfy(plain) }) {
            out += s.utf8
            return out.append(UInt8(ascii: "\""))
        }
        for b in s.utf8 {
            switch b {
            case 0x22: out += #"\""#.utf8
            case 0x5C: out += #"\\"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0x00..<0x20, 0x7F:
                out += #"\u00"#.utf8
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
