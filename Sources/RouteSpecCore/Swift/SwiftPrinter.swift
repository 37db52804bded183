/// The one place generated Swift becomes text. String literals and doc comments are escaped here.
struct SwiftPrinter {
    /// UTF-8 of the file so far: appending bytes is cheaper than appending to a `String`.
    private var out: [UInt8] = []
    private var level = 0

    /// The file's text as UTF-8, as it is written (a `String` would be validated and copied again).
    static func utf8(_ file: SwiftFile) -> [UInt8] {
        var p = SwiftPrinter()
        for line in file.header { p.line("// " + SwiftPrinter.commentText(line)) }
        if !file.header.isEmpty { p.line("") }
        for i in file.imports { p.line("import \(i)") }
        if !file.imports.isEmpty { p.line("") }
        for (n, d) in file.declarations.enumerated() {
            if n > 0 { p.line("") }
            p.decl(d)
        }
        return p.out
    }

    // MARK: Escaping

    /// A Swift string literal: quotes, backslashes (so `\(` cannot interpolate), control, format
    /// and direction-control characters are escaped.
    static func literal(_ s: String) -> String {
        // Most text is printable ASCII without quotes or backslashes: nothing to escape.
        if s.withUTF8Bytes({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C } }) { return "\"" + s + "\"" }
        return "\"" + replacingScalars(s) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default: return needsEscape(scalar) ? "\\u{" + String(scalar.value, radix: 16) + "}" : nil
            }
        } + "\""
    }

    /// Text for a `//` or `///` comment: one line, invisible and direction-changing characters
    /// shown as `\u{…}` so a reviewer sees them.
    static func commentText(_ s: String) -> String {
        if s.withUTF8Bytes({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) { return s }
        return replacingScalars(s) { scalar in
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { return " " }
            return needsEscape(scalar) ? "\\u{" + String(scalar.value, radix: 16) + "}" : nil
        }
    }

    /// `s` with each scalar `replacement` returns text for replaced, the others copied as they
    /// are. Scalars that cannot need replacing (printable ASCII other than `"` and `\`, and the
    /// letters of common scripts) are not offered, and are copied as bytes.
    private static func replacingScalars(_ s: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        s.withUTF8Bytes { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x20 && b < 0x7F && b != 0x22 && b != 0x5C {
                    out.append(b)
                    i += 1
                    continue
                }
                // A String's bytes are valid UTF-8: the lead byte gives the length.
                let length = UTF8Text.length(lead: b)
                let scalar = Unicode.Scalar(UTF8Text.scalar(bytes, at: i, length: length)) ?? "\u{FFFD}"
                if !isPlainLetter(scalar), let text = replacement(scalar) {
                    out.append(contentsOf: text.utf8)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                }
                i += length
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Scripts whose every code point is an assigned letter or ordinary punctuation (Latin-1
    /// and Latin Extended, Cyrillic, CJK ideographs, Hangul syllables): no property lookup needed.
    private static func isPlainLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xA0...0xAC, 0xAE...0x24F, 0x400...0x4FF, 0x2010...0x2027, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        if s.value >= 0x20 && s.value < 0x7F { return false }
        if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) { return true }
        switch s.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    // MARK: Output

    // Pieces are appended to `out` one by one: concatenating them first makes a string per piece.
    private mutating func line(_ s: String) {
        if s.isEmpty { out.append(ASCII.newline); return }
        indent()
        out.append(contentsOf: s.utf8)
        out.append(ASCII.newline)
    }

    private mutating func indent() {
        for _ in 0..<level { out.append(contentsOf: Self.indentUnit) }
    }

    private static let indentUnit = Array("    ".utf8)
    private static let docEmpty = Array("///\n".utf8)
    private static let docStart = Array("/// ".utf8)

    private mutating func doc(_ d: SwiftDoc?) {
        guard let d else { return }
        for l in d.lines {
            indent()
            if l.isEmpty {
                out.append(contentsOf: Self.docEmpty)
            } else {
                out.append(contentsOf: Self.docStart)
                out.append(contentsOf: SwiftPrinter.commentText(l).utf8)
                out.append(ASCII.newline)
            }
        }
    }

    private mutating func block(_ opener: String, _ body: (inout SwiftPrinter) -> Void) {
        line(opener + " {")
        level += 1
        body(&self)
        level -= 1
        line("}")
    }

    private mutating func members(_ ds: [SwiftDecl]) {
        for (n, d) in ds.enumerated() {
            if n > 0 { line("") }
            decl(d)
        }
    }

    private static func conformanceList(_ c: [SwiftType]) -> String {
        c.isEmpty ? "" : ": " + c.map(\.text).joined(separator: ", ")
    }

    private mutating func decl(_ d: SwiftDecl) {
        switch d {
        case .enumDecl(let doc, let name, let conformances, let ms):
            self.doc(doc)
            block("public enum \(name)\(Self.conformanceList(conformances))") { $0.members(ms) }
        case .structDecl(let doc, let name, let generic, let conformances, let ms):
            self.doc(doc)
            block("public struct \(name)\(generic.map { "<\($0)>" } ?? "")\(Self.conformanceList(conformances))") { $0.members(ms) }
        case .extensionDecl(let type, let ms):
            block("extension \(type.text)") { $0.members(ms) }
        case .staticLet(let doc, let name, let type, let value):
            self.doc(doc)
            let rendered = expr(value)
            line("public static let \(name): \(type.text) = " + rendered.first!)
            for l in rendered.dropFirst() { line(l) }
        case .storedLet(let doc, let name, let type):
            self.doc(doc)
            line("public let \(name): \(type.text)")
        case .computedVar(let doc, let isStatic, let name, let type, let body):
            self.doc(doc)
            block("public \(isStatic ? "static " : "")var \(name): \(type.text)") { $0.statements(body) }
        case .function(let doc, let attributes, let name, let params, let effects, let returns, let body):
            self.doc(doc)
            for a in attributes { line(a) }
            let signature = "public func \(name)(\(parameterList(params)))\(effects.isEmpty ? "" : " " + effects)"
                + (returns.map { " -> \($0.text)" } ?? "")
            block(signature) { $0.statements(body) }
        case .staticFunction(let doc, let name, let params, let returns, let body):
            self.doc(doc)
            block("public static func \(name)(\(parameterList(params))) -> \(returns.text)") { $0.statements(body) }
        case .initializer(let doc, let failable, let params, let body):
            self.doc(doc)
            block("public init\(failable ? "?" : "")(\(parameterList(params)))") { $0.statements(body) }
        }
    }

    private func parameterList(_ params: [SwiftParameter]) -> String {
        params.map { p in
            let label = p.label.map { $0 == p.name ? "\($0)" : "\($0) \(p.name)" } ?? "_ \(p.name)"
            let value = p.defaultValue.map { " = " + expr($0).joined(separator: " ") } ?? ""
            return "\(label): \(p.type.text)\(value)"
        }.joined(separator: ", ")
    }

    private mutating func statements(_ body: [SwiftStatement]) {
        for s in body { statement(s) }
    }

    private mutating func statement(_ s: SwiftStatement) {
        switch s {
        case .expression(let e): emit(expr(e), prefix: "")
        case .returnValue(let e): emit(expr(e), prefix: "return ")
        case .assignMember(let name, let e): emit(expr(e), prefix: "self.\(name) = ")
        }
    }

    private mutating func emit(_ lines: [String], prefix: String) {
        guard let first = lines.first else { return }
        line(prefix + first)
        for l in lines.dropFirst() { line(l) }
    }

    /// An expression as lines (multi-line arrays print one element a line, indented relative to the first line).
    private func expr(_ e: SwiftExpr) -> [String] {
        switch e {
        case .string(let s): return [SwiftPrinter.literal(s)]
        case .int(let n): return [String(n)]
        case .bool(let b): return [b ? "true" : "false"]
        case .nilLiteral: return ["nil"]
        case .name(let n): return [n.text]
        case .selfValue: return ["self"]
        case .typeMember(let t, let name): return ["\(t.text).\(name)"]
        case .member(let base, let name):
            guard let base else { return [".\(name)"] }
            let b = expr(base)
            return Array(b.dropLast()) + [b.last! + ".\(name)"]
        case .tryAwait(let inner):
            let b = expr(inner)
            return ["try await " + b[0]] + b.dropFirst()
        case .array(let items, let multiline):
            if items.isEmpty { return ["[]"] }
            if !multiline {
                return ["[" + items.map { expr($0).joined(separator: " ") }.joined(separator: ", ") + "]"]
            }
            var lines = ["["]
            for item in items {
                let rendered = expr(item)
                for (k, l) in rendered.enumerated() { lines.append("    " + l + (k == rendered.count - 1 ? "," : "")) }
            }
            lines.append("]")
            return lines
        case .call(let callee, let args):
            let head = expr(callee).joined(separator: " ")
            let rendered = args.map { a -> [String] in
                let v = expr(a.value)
                guard let label = a.label else { return v }
                return ["\(label): " + v[0]] + v.dropFirst()
            }
            if rendered.allSatisfy({ $0.count == 1 }) && rendered.reduce(0, { $0 + $1[0].count }) < 100 {
                return [head + "(" + rendered.map { $0[0] }.joined(separator: ", ") + ")"]
            }
            var lines = [head + "("]
            for (k, r) in rendered.enumerated() {
                for (j, l) in r.enumerated() { lines.append("    " + l + (j == r.count - 1 && k < rendered.count - 1 ? "," : "")) }
            }
            lines.append(")")
            return lines
        }
    }
}
