/// A JSON value written deterministically: object keys sorted, 2-space indent, `"key": value`,
/// a trailing newline — the same text whatever order the values were built in.
public enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    public func serialized() -> String { String(decoding: serializedBytes(), as: UTF8.self) }

    public func serializedBytes() -> [UInt8] {
        var out = OutputBytes(capacity: 1 << 16)
        write(into: &out, indent: 0)
        out.append(ASCII.newline)
        return out.takeBytes()
    }

    func write(into out: inout OutputBytes, indent: Int) {
        switch self {
        case .null: out.append(Self.nullBytes)
        case .bool(let b): out.append(b ? Self.trueBytes : Self.falseBytes)
        case .int(let i): Self.writeInt(i, into: &out)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                Self.newline(&out, indent + 2)
                item.write(into: &out, indent: indent + 2)
            }
            Self.newline(&out, indent)
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append(0x7B)
            for (i, member) in members.sorted(by: { Self.keyOrder($0.key, $1.key) }).enumerated() {
                if i > 0 { out.append(0x2C) }
                Self.newline(&out, indent + 2)
                Self.writeString(member.key, into: &out)
                out.append(0x3A)
                out.append(0x20)
                member.value.write(into: &out, indent: indent + 2)
            }
            Self.newline(&out, indent)
            out.append(0x7D)
        }
    }

    /// Byte order of the UTF-8 keys, as `sort_keys` tools produce for ASCII keys.
    static func keyOrder(_ a: String, _ b: String) -> Bool { String.utf8Precedes(a, b) }

    /// A newline and `indent` spaces, copied from one run of them (the model is mostly indentation).
    static func newline(_ out: inout OutputBytes, _ indent: Int) {
        guard indent < newlineAndSpaces.count else {
            out.append(ASCII.newline)
            return out.append([UInt8](repeating: ASCII.space, count: indent))
        }
        newlineAndSpaces.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[...indent])) }
    }

    private static let newlineAndSpaces = [ASCII.newline] + Array(repeating: ASCII.space, count: 64)

    private static let hex = Array("0123456789abcdef".utf8)
    static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    static func writeInt(_ value: Int, into out: inout OutputBytes) { out.appendDecimal(value) }

    /// Whether any byte must be escaped (a control character, `"`, `\`, DEL), tested eight at a time.
    static func needsEscape(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let escaped = { (b: UInt8) in b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F }
        var i = 0
        if let base = p.baseAddress {
            while i + 8 <= p.count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if WordBytes.hasBelow(w, 0x20) || WordBytes.has(w, 0x22) || WordBytes.has(w, 0x5C) || WordBytes.has(w, 0x7F) { return true }
                i += 8
            }
        }
        return p[i...].contains(where: escaped)
    }

    static func writeString(_ s: String, into out: inout OutputBytes) {
        out.append(0x22)
        // Nearly every string needs no escape: copy its bytes at once.
        let copied: Bool? = s.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !needsEscape(utf8) else { return false }
            out.append(utf8)
            return true
        }
        if copied == true {
            out.append(0x22)
            return
        }
        for b in s.utf8 {
            switch b {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0x00..<0x20, 0x7F:
                out.append("\\u00")
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}
