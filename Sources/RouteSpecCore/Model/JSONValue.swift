/// A JSON value written deterministically: object keys sorted, 2-space indent, `"key": value`,
/// a trailing newline — the same text whatever order the values were built in.
public enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        out.append(ASCII.newline)
        return String(decoding: out, as: UTF8.self)
    }

    public func serializedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        out.append(ASCII.newline)
        return out
    }

    func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: Self.nullBytes)
        case .bool(let b): out.append(contentsOf: b ? Self.trueBytes : Self.falseBytes)
        case .int(let i): Self.writeInt(i, into: &out)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: [0x5B, 0x5D]); return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                Self.newline(&out, indent + 2)
                item.write(into: &out, indent: indent + 2)
            }
            Self.newline(&out, indent)
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: [0x7B, 0x7D]); return }
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

    /// A newline and `indent` spaces: copied from one run of them (the model is mostly
    /// indentation, and appending a repeated element goes byte by byte).
    static func newline(_ out: inout [UInt8], _ indent: Int) {
        guard indent < newlineAndSpaces.count else {
            out.append(ASCII.newline)
            return out.append(contentsOf: repeatElement(ASCII.space, count: indent))
        }
        newlineAndSpaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[...indent])) }
    }

    private static let newlineAndSpaces = [ASCII.newline] + Array(repeating: ASCII.space, count: 64)

    private static let hex = Array("0123456789abcdef".utf8)
    static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    static func writeInt(_ value: Int, into out: inout [UInt8]) {
        guard value >= 0 && value < 10 else { return out.append(contentsOf: String(value).utf8) }
        out.append(0x30 + UInt8(value))
    }

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

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        // Nearly every string needs no escape: copy its bytes at once.
        let copied: Bool? = s.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !needsEscape(utf8) else { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if copied == true {
            out.append(0x22)
            return
        }
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x00..<0x20, 0x7F:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}
