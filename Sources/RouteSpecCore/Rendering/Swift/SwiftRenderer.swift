/// The one place generated Swift becomes text: a `SwiftFile` of declaration values in, its
/// text out. String literals and doc comments are escaped here, and only here.
struct SwiftRenderer {
    /// The file's UTF-8 so far: pieces are copied in as bytes, with no string made per piece.
    private var out: [UInt8] = []
    private var level = 0

    /// The file's text as UTF-8.
    static func render(_ file: SwiftFile) -> [UInt8] {
        var r = SwiftRenderer()
        r.out.reserveCapacity(1 << 16)
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
        var out: [UInt8] = []
        appendLiteral(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendLiteral(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Route rows are ASCII with tabs: plain runs are copied whole, the rest escaped byte by byte.
        if s.withUTF8Span({ $0.allSatisfy { $0 < 0x80 } }) {
            s.withUTF8Span { p in
                var start = 0
                for i in p.indices {
                    let b = p[i]
                    if b >= 0x20 && b < 0x7F && b != 0x22 && b != 0x5C { continue }
                    out.append(contentsOf: p.extracting(start..<i))
                    switch b {
                    case 0x22, 0x5C: escape(b, to: &out)
                    case 0x0A: escape(UInt8(ascii: "n"), to: &out)
                    case 0x0D: escape(UInt8(ascii: "r"), to: &out)
                    case 0x09: escape(UInt8(ascii: "t"), to: &out)
                    default: appendUnicodeEscape(Unicode.Scalar(b), to: &out)
                    }
                    start = i + 1
                }
                out.append(contentsOf: p.extracting(start..<p.count))
            }
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"", "\\": escape(UInt8(scalar.value), to: &out)
                case "\n": escape(UInt8(ascii: "n"), to: &out)
                case "\r": escape(UInt8(ascii: "r"), to: &out)
                case "\t": escape(UInt8(ascii: "t"), to: &out)
                default: appendScalar(scalar, to: &out)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ letter: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(letter)
    }

    /// Text for a `//` or `///` comment: one line, invisible and direction-changing characters
    /// shown as `\u{…}` so a reviewer sees them.
    static func commentText(_ s: String) -> String {
        if isPrintableASCII(s) { return s }
        var out: [UInt8] = []
        appendCommentText(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendCommentText(_ s: String, to out: inout [UInt8]) {
        // Most doc lines are printable ASCII: copied whole, without decoding scalars.
        if isPrintableASCII(s) { return append(s, to: &out) }
        for scalar in s.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { out.append(UInt8(ascii: " ")) } else { appendScalar(scalar, to: &out) }
        }
    }

    private static func isPrintableASCII(_ s: String) -> Bool { s.withUTF8Span { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } } }

    /// The scalar as it is, or as `\u{…}` (lower-case hex) where it must not stand as it is.
    private static func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if VisibleText.mustEscape(scalar) { appendUnicodeEscape(scalar, to: &out) } else { UTF8.encode(scalar) { out.append($0) } }
    }

    private static func appendUnicodeEscape(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        append("\\u{" + String(scalar.value, radix: 16) + "}", to: &out)
    }

    /// A string's UTF-8 copied in at once.
    private static func append(_ s: String, to out: inout [UInt8]) {
        s.withUTF8Span { out.append(contentsOf: $0) }
    }

    // MARK: Declarations

    private mutating func put(_ s: String) { Self.append(s, to: &out) }

    private mutating func line(_ s: String) {
        if !s.isEmpty {
            indent()
            put(s)
        }
        out.append(UInt8(ascii: "\n"))
    }

    private mutating func indent() { Self.indent(level, to: &out) }

    private static func indent(_ depth: Int, to out: inout [UInt8]) {
        if 4 * depth <= spaces.count { out += spaces[..<(4 * depth)] } else { out += repeatElement(UInt8(ascii: " "), count: 4 * depth) }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func doc(_ d: SwiftDoc?) {
        guard let d else { return }
        for l in d.lines {
            indent()
            put(l.isEmpty ? "///" : "/// ")
            Self.appendCommentText(l, to: &out)
            out.append(UInt8(ascii: "\n"))
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
            block("public enum " + name.text + Self.conformances(conformances)) { $0.members(ms) }
        case .structDecl(let doc, let name, let generic, let conformances, let ms):
            self.doc(doc)
            block("public struct " + name.text + (generic.map { "<\($0)>" } ?? "") + Self.conformances(conformances)) { $0.members(ms) }
        case .extensionDecl(let type, let ms):
            block("extension " + type.text) { $0.members(ms) }
        case .staticLet(let doc, let name, let type, let value):
            self.doc(doc)
            expression(value, after: "public static let " + name.text + ": " + type.text + " = ")
        case .storedLet(let doc, let name, let type):
            self.doc(doc)
            line("public let " + name.text + ": " + type.text)
        case .computedVar(let doc, let isStatic, let name, let type, let body):
            self.doc(doc)
            block("public " + (isStatic ? "static " : "") + "var " + name.text + ": " + type.text) { $0.statements(body) }
        case .function(let doc, let attributes, let name, let params, let effects, let returns, let body):
            self.doc(doc)
            for a in attributes { line(a) }
            let signature = "public func " + name.text + Self.parameters(params) + (effects.isEmpty ? "" : " " + effects)
                + (returns.map { " -> " + $0.text } ?? "")
            block(signature) { $0.statements(body) }
        case .staticFunction(let doc, let name, let params, let returns, let body):
            self.doc(doc)
            block("public static func " + name.text + Self.parameters(params) + " -> " + returns.text) { $0.statements(body) }
        case .initializer(let doc, let failable, let params, let body):
            self.doc(doc)
            block("public init" + (failable ? "?" : "") + Self.parameters(params)) { $0.statements(body) }
        }
    }

    /// `(label name: Type = value, …)`
    private static func parameters(_ params: [SwiftParameter]) -> String {
        let list = params.map { p in
            let names = p.label.map { $0 == p.name ? $0.text : $0.text + " " + p.name.text } ?? "_ " + p.name.text
            return names + ": " + p.type.text + (p.defaultValue.map { " = " + oneLine($0) } ?? "")
        }
        return "(" + list.joined(separator: ", ") + ")"
    }

    private mutating func statements(_ body: [SwiftStatement]) {
        for s in body {
            switch s {
            case .expression(let e): expression(e, after: "")
            case .returnValue(let e): expression(e, after: "return ")
            case .assignMember(let name, let e): expression(e, after: "self." + name.text + " = ")
            }
        }
    }

    /// A line of `prefix` and the expression, whose further lines are indented at the current level.
    private mutating func expression(_ e: SwiftExpr, after prefix: String) {
        indent()
        put(prefix)
        Self.write(e, depth: level, to: &out)
        out.append(UInt8(ascii: "\n"))
    }

    // MARK: Expressions

    private static func oneLine(_ e: SwiftExpr) -> String {
        if case .name(let n) = e { return n.text }
        var text: [UInt8] = []
        writeOneLine(e, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The expression with its line breaks made spaces.
    private static func writeOneLine(_ e: SwiftExpr, to out: inout [UInt8]) {
        let start = out.count
        write(e, depth: 0, to: &out)
        for i in start..<out.count where out[i] == UInt8(ascii: "\n") { out[i] = UInt8(ascii: " ") }
    }

    private static func newline(depth: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        indent(depth, to: &out)
    }

    /// Writes an expression whose lines after the first start `depth` levels deep. Multi-line
    /// arrays print one element a line; a call prints on one line when its arguments are short
    /// (under 100 characters together) and fit there, else one argument a line.
    private static func write(_ e: SwiftExpr, depth: Int, to out: inout [UInt8]) {
        switch e {
        case .string(let s): appendLiteral(s, to: &out)
        case .int(let n): append(String(n), to: &out)
        case .bool(let b): append(b ? "true" : "false", to: &out)
        case .nilLiteral: append("nil", to: &out)
        case .name(let n): append(n.text, to: &out)
        case .selfValue: append("self", to: &out)
        case .typeMember(let t, let name):
            append(t.text, to: &out)
            out.append(UInt8(ascii: "."))
            append(name.text, to: &out)
        case .member(let base, let name):
            if let base { write(base, depth: depth, to: &out) }
            out.append(UInt8(ascii: "."))
            append(name.text, to: &out)
        case .tryAwait(let inner):
            append("try await ", to: &out)
            write(inner, depth: depth, to: &out)
        case .array(let items, let multiline):
            if items.isEmpty { return append("[]", to: &out) }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if multiline {
                    newline(depth: depth + 1, to: &out)
                    write(item, depth: depth + 1, to: &out)
                    out.append(UInt8(ascii: ","))
                } else {
                    if i > 0 { append(", ", to: &out) }
                    writeOneLine(item, to: &out)
                }
            }
            if multiline { newline(depth: depth, to: &out) }
            out.append(UInt8(ascii: "]"))
        case .call(let callee, let args):
            writeOneLine(callee, to: &out)
            out.append(UInt8(ascii: "("))
            let open = out.count
            // Written on one line first; written again, one argument a line, should that not fit.
            if !args.contains(where: { $0.value.isMultilineArray }) {
                var characters = 0, fits = true
                for (k, a) in args.enumerated() {
                    if k > 0 { append(", ", to: &out) }
                    let start = out.count
                    writeArgument(a, depth: depth + 1, to: &out)
                    characters += characterCount(out[start...])
                    if characters >= 100 || out[start...].contains(UInt8(ascii: "\n")) {
                        fits = false
                        break
                    }
                }
                if fits { return out.append(UInt8(ascii: ")")) }
                out.removeSubrange(open...)
            }
            for (k, a) in args.enumerated() {
                newline(depth: depth + 1, to: &out)
                writeArgument(a, depth: depth + 1, to: &out)
                if k < args.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            newline(depth: depth, to: &out)
            out.append(UInt8(ascii: ")"))
        }
    }

    private static func writeArgument(_ a: SwiftArgument, depth: Int, to out: inout [UInt8]) {
        if let label = a.label {
            append(label.text, to: &out)
            append(": ", to: &out)
        }
        write(a.value, depth: depth, to: &out)
    }

    /// The characters of UTF-8 text (its bytes, when it is ASCII).
    private static func characterCount(_ text: ArraySlice<UInt8>) -> Int {
        text.allSatisfy { $0 < 0x80 } ? text.count : String(decoding: text, as: UTF8.self).count
    }
}
