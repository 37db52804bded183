/// The one place generated Swift becomes text: a `SwiftFile` of declaration values in, its
/// text out. String literals and doc comments are escaped here, and only here.
struct SwiftRenderer {
    private var out = ""
    private var level = 0

    static func render(_ file: SwiftFile) -> String {
        var r = SwiftRenderer()
        for line in file.header { r.line("// " + commentText(line)) }
        if !file.header.isEmpty { r.line("") }
        for i in file.imports { r.line("import \(i)") }
        if !file.imports.isEmpty { r.line("") }
        r.members(file.declarations)
        return r.out
    }

    // MARK: Escaping

    /// A Swift string literal: quotes, backslashes (so `\(` cannot interpolate), control, format
    /// and direction-control characters are escaped.
    static func literal(_ s: String) -> String {
        var out = ""
        appendLiteral(s, to: &out)
        return out
    }

    private static func appendLiteral(_ s: String, to out: inout String) {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(s.utf8.count + 16)
        let backslash = UInt8(ascii: "\\")
        func escape(_ letter: UInt8) {
            bytes.append(backslash)
            bytes.append(letter)
        }
        // Route rows are ASCII with tabs: escaped byte by byte, without decoding scalars.
        if s.withUTF8Span({ $0.allSatisfy { $0 < 0x80 } }) {
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "\""), backslash: escape(b)
                case UInt8(ascii: "\n"): escape(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): escape(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): escape(UInt8(ascii: "t"))
                case 0..<0x20, 0x7F: bytes += unicodeEscape(Unicode.Scalar(b)).utf8
                default: bytes.append(b)
                }
            }
            bytes.append(UInt8(ascii: "\""))
            return out += String(decoding: bytes, as: UTF8.self)
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"", "\\": escape(UInt8(scalar.value))
            case "\n": escape(UInt8(ascii: "n"))
            case "\r": escape(UInt8(ascii: "r"))
            case "\t": escape(UInt8(ascii: "t"))
            default:
                if scalar.isASCII && scalar.value >= 0x20 && scalar.value != 0x7F {
                    bytes.append(UInt8(scalar.value))
                } else if needsEscape(scalar) {
                    bytes += unicodeEscape(scalar).utf8
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Text for a `//` or `///` comment: one line, invisible and direction-changing characters
    /// shown as `\u{…}` so a reviewer sees them.
    static func commentText(_ s: String) -> String {
        // Most doc lines are printable ASCII: told on bytes, without decoding scalars.
        if s.withUTF8Span({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) { return s }
        if !s.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" || needsEscape($0) }) { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out += " "
            } else {
                if needsEscape(scalar) { out += unicodeEscape(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// `\u{…}`, in lower-case hex.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String { "\\u{" + String(scalar.value, radix: 16) + "}" }

    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        if s.value >= 0x20 && s.value < 0x7F { return false }
        // Letters of the scripts the docs are translated into need no property lookup.
        switch s.value {
        case 0xA0...0xAC, 0xAE...0x24F, 0x400...0x4FF, 0x2010...0x2027, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return false
        default: break
        }
        if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) { return true }
        switch s.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    // MARK: Declarations

    private mutating func line(_ s: String) {
        if !s.isEmpty { indent() }
        out += s
        out += "\n"
    }

    private mutating func indent() { out += Self.indentation(level) }

    private static let indents = (0..<8).map { String(repeating: "    ", count: $0) }

    private static func indentation(_ depth: Int) -> String { depth < indents.count ? indents[depth] : String(repeating: "    ", count: depth) }

    private mutating func doc(_ d: SwiftDoc?) {
        guard let d else { return }
        // Appended piece by piece: joining the pieces first would make a string for each line.
        for l in d.lines {
            indent()
            if l.isEmpty {
                out += "///\n"
            } else {
                out += "/// "
                out += Self.commentText(l)
                out += "\n"
            }
        }
    }

    /// `opener {`, the body one level deeper, `}`.
    private mutating func block(_ opener: String, _ body: (inout SwiftRenderer) -> Void) {
        line(opener + " {")
        level += 1
        body(&self)
        level -= 1
        line("}")
    }

    /// Declarations with a blank line between two.
    private mutating func members(_ ds: [SwiftDecl]) {
        for (n, d) in ds.enumerated() {
            if n > 0 { line("") }
            decl(d)
        }
    }

    private static func conformances(_ c: [SwiftType]) -> String {
        c.isEmpty ? "" : ": " + c.map(\.text).joined(separator: ", ")
    }

    private mutating func decl(_ d: SwiftDecl) {
        switch d {
        case .enumDecl(let doc, let name, let conformances, let ms):
            self.doc(doc)
            block("public enum \(name.text)\(Self.conformances(conformances))") { $0.members(ms) }
        case .structDecl(let doc, let name, let generic, let conformances, let ms):
            self.doc(doc)
            block("public struct \(name.text)\(generic.map { "<\($0)>" } ?? "")\(Self.conformances(conformances))") { $0.members(ms) }
        case .extensionDecl(let type, let ms):
            block("extension \(type.text)") { $0.members(ms) }
        case .staticLet(let doc, let name, let type, let value):
            self.doc(doc)
            expression(value, after: "public static let \(name.text): \(type.text) = ")
        case .storedLet(let doc, let name, let type):
            self.doc(doc)
            line("public let \(name.text): \(type.text)")
        case .computedVar(let doc, let isStatic, let name, let type, let body):
            self.doc(doc)
            block("public \(isStatic ? "static " : "")var \(name.text): \(type.text)") { $0.statements(body) }
        case .function(let doc, let attributes, let name, let params, let effects, let returns, let body):
            self.doc(doc)
            for a in attributes { line(a) }
            let signature = "public func \(name.text)\(Self.parameters(params))\(effects.isEmpty ? "" : " " + effects)"
                + (returns.map { " -> \($0.text)" } ?? "")
            block(signature) { $0.statements(body) }
        case .staticFunction(let doc, let name, let params, let returns, let body):
            self.doc(doc)
            block("public static func \(name.text)\(Self.parameters(params)) -> \(returns.text)") { $0.statements(body) }
        case .initializer(let doc, let failable, let params, let body):
            self.doc(doc)
            block("public init\(failable ? "?" : "")\(Self.parameters(params))") { $0.statements(body) }
        }
    }

    /// `(label name: Type = value, …)`
    private static func parameters(_ params: [SwiftParameter]) -> String {
        let list = params.map { p in
            let names = p.label.map { $0 == p.name ? $0.text : "\($0.text) \(p.name.text)" } ?? "_ \(p.name.text)"
            return "\(names): \(p.type.text)" + (p.defaultValue.map { " = " + oneLine($0) } ?? "")
        }
        return "(" + list.joined(separator: ", ") + ")"
    }

    private mutating func statements(_ body: [SwiftStatement]) {
        for s in body {
            switch s {
            case .expression(let e): expression(e, after: "")
            case .returnValue(let e): expression(e, after: "return ")
            case .assignMember(let name, let e): expression(e, after: "self.\(name.text) = ")
            }
        }
    }

    /// A line of `prefix` and the expression, whose further lines are indented at the current level.
    private mutating func expression(_ e: SwiftExpr, after prefix: String) {
        indent()
        out += prefix
        Self.write(e, depth: level, to: &out)
        out += "\n"
    }

    // MARK: Expressions

    private static func oneLine(_ e: SwiftExpr) -> String {
        if case .name(let n) = e { return n.text }
        var text = ""
        write(e, depth: 0, to: &text)
        return text.utf8.contains(UInt8(ascii: "\n")) ? text.replacingEvery("\n", with: " ") : text
    }

    private static func newline(depth: Int, to out: inout String) {
        out += "\n" + indentation(depth)
    }

    /// Writes an expression whose lines after the first start `depth` levels deep. Multi-line
    /// arrays print one element a line; a call prints on one line when its arguments are short
    /// and fit there, else one argument a line.
    private static func write(_ e: SwiftExpr, depth: Int, to out: inout String) {
        switch e {
        case .string(let s): appendLiteral(s, to: &out)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .nilLiteral: out += "nil"
        case .name(let n): out += n.text
        case .selfValue: out += "self"
        case .typeMember(let t, let name):
            out += t.text
            out += "."
            out += name.text
        case .member(let base, let name):
            if let base { write(base, depth: depth, to: &out) }
            out += "."
            out += name.text
        case .tryAwait(let inner):
            out += "try await "
            write(inner, depth: depth, to: &out)
        case .array(let items, let multiline):
            if items.isEmpty { return out += "[]" }
            guard multiline else { return out += "[" + items.map(oneLine).joined(separator: ", ") + "]" }
            out += "["
            for item in items {
                newline(depth: depth + 1, to: &out)
                write(item, depth: depth + 1, to: &out)
                out += ","
            }
            newline(depth: depth, to: &out)
            out += "]"
        case .call(let callee, let args):
            out += oneLine(callee)
            out += "("
            if !args.contains(where: { $0.value.isMultilineArray }) {
                let arguments = args.map { argument($0, depth: depth + 1) }
                if !arguments.contains(where: { $0.utf8.contains(UInt8(ascii: "\n")) }) && arguments.reduce(0, { $0 + $1.count }) < 100 {
                    for (k, a) in arguments.enumerated() {
                        if k > 0 { out += ", " }
                        out += a
                    }
                    return out += ")"
                }
            }
            for (k, a) in args.enumerated() {
                newline(depth: depth + 1, to: &out)
                if let label = a.label { out += label.text + ": " }
                write(a.value, depth: depth + 1, to: &out)
                if k < args.count - 1 { out += "," }
            }
            newline(depth: depth, to: &out)
            out += ")"
        }
    }

    private static func argument(_ a: SwiftArgument, depth: Int) -> String {
        var text = a.label.map { $0.text + ": " } ?? ""
        write(a.value, depth: depth, to: &text)
        return text
    }
}
