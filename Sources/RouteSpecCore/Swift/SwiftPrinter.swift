/// The one place generated Swift becomes text. String literals and doc comments are escaped here.
/// Declarations are printed from values (`SwiftDecl`), or written as they are made
/// (`enumDecl`, `extensionDecl`, `members`, `docLine`) where a file has thousands of them: the
/// same text, without building every route's declaration first.
struct SwiftPrinter {
    /// UTF-8 of the file so far: appending bytes is cheaper than appending to a `String`.
    private var out = OutputBytes()
    private var level = 0

    /// The file's text as UTF-8, as it is written (a `String` would be validated and copied again).
    static func utf8(_ file: SwiftFile) -> [UInt8] {
        utf8(header: file.header, imports: file.imports) { $0.members(file.declarations) }
    }

    /// A file whose declarations `body` writes (a blank line between two), with room for
    /// `capacity` bytes reserved.
    static func utf8(header: [String], imports: [String], capacity: Int = 0, _ body: (inout SwiftPrinter) -> Void) -> [UInt8] {
        var p = SwiftPrinter()
        p.out = OutputBytes(capacity: capacity)
        for line in header { p.line("// " + SwiftPrinter.commentText(line)) }
        if !header.isEmpty { p.line("") }
        for i in imports { p.line("import \(i)") }
        if !imports.isEmpty { p.line("") }
        body(&p)
        return p.out.takeBytes()
    }

    // MARK: Escaping

    /// A Swift string literal: quotes, backslashes (so `\(` cannot interpolate), control, format
    /// and direction-control characters are escaped.
    static func literal(_ s: String) -> String {
        var out = OutputBytes()
        appendLiteral(s, to: &out)
        return String(decoding: out.takeBytes(), as: UTF8.self)
    }

    static func appendLiteral(_ s: String, to out: inout OutputBytes) {
        s.withUTF8Bytes { appendLiteral(utf8: $0, to: &out) }
    }

    /// `appendLiteral` for text given as its (valid) UTF-8.
    static func appendLiteral(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBytes) {
        out.append(ASCII.quote)
        appendReplacingScalars(bytes, to: &out) { scalar, out in
            switch scalar {
            case "\"": appendEscape(ASCII.quote, to: &out)
            case "\\": appendEscape(ASCII.backslash, to: &out)
            case "\n": appendEscape(UInt8(ascii: "n"), to: &out)
            case "\r": appendEscape(UInt8(ascii: "r"), to: &out)
            case "\t": appendEscape(UInt8(ascii: "t"), to: &out)
            default:
                guard needsEscape(scalar) else { return false }
                appendUnicodeEscape(scalar, to: &out)
            }
            return true
        }
        out.append(ASCII.quote)
    }

    /// Text for a `//` or `///` comment: one line, invisible and direction-changing characters
    /// shown as `\u{…}` so a reviewer sees them.
    static func commentText(_ s: String) -> String {
        if s.withUTF8Bytes({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) { return s }
        var out = OutputBytes()
        appendCommentText(s, to: &out)
        return String(decoding: out.takeBytes(), as: UTF8.self)
    }

    static func appendCommentText(_ s: String, to out: inout OutputBytes) {
        appendReplacingScalars(s, to: &out) { scalar, out in
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out.append(ASCII.space)
                return true
            }
            guard needsEscape(scalar) else { return false }
            appendUnicodeEscape(scalar, to: &out)
            return true
        }
    }

    private static func appendEscape(_ letter: UInt8, to out: inout OutputBytes) {
        out.append(ASCII.backslash)
        out.append(letter)
    }

    /// `\u{…}`, in lower-case hex.
    private static func appendUnicodeEscape(_ scalar: Unicode.Scalar, to out: inout OutputBytes) {
        out.append("\\u{")
        out.append(String(scalar.value, radix: 16))
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `s` with the scalars `replace` writes a replacement for (returning true) replaced,
    /// the others copied as they are. Scalars that cannot need replacing (printable ASCII other
    /// than `"` and `\`, and the letters of common scripts) are not offered, and are copied as bytes.
    private static func appendReplacingScalars(_ s: String, to out: inout OutputBytes, _ replace: (Unicode.Scalar, inout OutputBytes) -> Bool) {
        s.withUTF8Bytes { appendReplacingScalars($0, to: &out, replace) }
    }

    /// `appendReplacingScalars` over valid UTF-8.
    private static func appendReplacingScalars(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBytes,
                                               _ replace: (Unicode.Scalar, inout OutputBytes) -> Bool) {
        do {
            var i = 0
            while i < bytes.count {
                // A run that needs nothing is copied at once.
                let end = plainRunEnd(bytes, from: i)
                if end > i {
                    out.append(UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                    if i == bytes.count { break }
                }
                let lead = bytes[i]
                if lead < 0x80 {
                    if !replace(Unicode.Scalar(lead), &out) { out.append(lead) }
                    i += 1
                    continue
                }
                // A String's bytes are valid UTF-8: the lead byte gives the length.
                let length = UTF8Text.length(lead: lead)
                let scalar = Unicode.Scalar(UTF8Text.scalar(bytes, at: i, length: length)) ?? "\u{FFFD}"
                if isPlainLetter(scalar) || !replace(scalar, &out) {
                    out.append(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                }
                i += length
            }
        }
    }

    /// Where the run of bytes from `start` that no escape can touch ends: printable ASCII other
    /// than `"` and `\`, eight bytes at a time, and the two- and three-byte sequences of scripts
    /// `isPlainLetter` accepts whole (Latin-1 letters to Latin Extended-B, Cyrillic, most CJK
    /// ideographs, most Hangul syllables), told by their lead byte alone.
    private static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        let n = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        while end < n {
            if end + 8 <= n && isPrintableASCIIWord(raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)) {
                end += 8
                continue
            }
            let b = bytes[end]
            if b >= 0x20 && b < 0x7F && b != ASCII.quote && b != ASCII.backslash {
                end += 1
            } else if (b >= 0xC3 && b <= 0xC8) || (b >= 0xD0 && b <= 0xD3) {
                // U+00C0–U+023F, U+0400–U+04FF: the bytes are valid UTF-8, so the continuation is there.
                end += 2
            } else if (b >= 0xE5 && b <= 0xE9) || b == 0xEB || b == 0xEC {
                // U+5000–U+9FFF, U+B000–U+CFFF.
                end += 3
            } else {
                break
            }
        }
        return end
    }

    /// Whether eight bytes are all printable ASCII (0x20–0x7E) and none is `"` or `\`.
    @inline(__always)
    private static func isPrintableASCIIWord(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20, or with the high bit set, or 0x7F (0x7F + 1 sets the high bit).
        let low = (w &- ones &* 0x20) & ~w & highs
        let high = (w | (w &+ ones)) & highs
        func hasByte(_ value: UInt8) -> Bool {
            let x = w ^ (ones &* UInt64(value))
            return (x &- ones) & ~x & highs != 0
        }
        return low == 0 && high == 0 && !hasByte(ASCII.quote) && !hasByte(ASCII.backslash)
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
        out.append(s)
        out.append(ASCII.newline)
    }

    private mutating func indent() { Self.appendIndent(level, to: &out) }

    /// `depth` indentation units, copied in one piece from a run of spaces.
    private static func appendIndent(_ depth: Int, to out: inout OutputBytes) {
        guard depth > 0 else { return }
        guard depth * 4 <= spaces.count else {
            for _ in 0..<depth { out.append("    ") }
            return
        }
        spaces.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[..<(depth * 4)])) }
    }

    private static let spaces = [UInt8](repeating: ASCII.space, count: 64)
    private static let docStart = Array("/// ".utf8)

    private mutating func doc(_ d: SwiftDoc?) {
        guard let d else { return }
        for l in d.lines { docLine { $0.text(l) } }
    }

    /// One `///` line written in pieces, each escaped as a doc comment's text is.
    struct DocLine {
        fileprivate var out = OutputBytes()

        mutating func text(_ s: String) { SwiftPrinter.appendCommentText(s, to: &out) }

        /// Text of the generator's own, which needs no escaping.
        mutating func fixed(_ s: StaticString) { out.append(s) }

        /// `` `s` ``
        mutating func code(_ s: String) {
            out.append(ASCII.backtick)
            SwiftPrinter.appendCommentText(s, to: &out)
            out.append(ASCII.backtick)
        }

        mutating func number(_ n: Int) { out.appendDecimal(n) }
    }

    /// A `///` line (`///` alone when `write` writes nothing).
    mutating func docLine(_ write: (inout DocLine) -> Void) {
        indent()
        out.append(Self.docStart)
        let start = out.count
        var line = DocLine()
        // The file's bytes move into the line and back: a copy would cost the whole file.
        swap(&out, &line.out)
        write(&line)
        swap(&out, &line.out)
        if out.count == start { out[start - 1] = ASCII.newline } else { out.append(ASCII.newline) }
    }

    mutating func blankLine() { line("") }

    /// Text of the generator's own (keywords, punctuation), or names and types (valid as they are).
    private mutating func put(_ s: String) { out.append(s) }

    /// `opener {` (`opener` writes the line after its indentation), the body one level deeper, `}`.
    private mutating func block(_ opener: (inout SwiftPrinter) -> Void, _ body: (inout SwiftPrinter) -> Void) {
        indent()
        opener(&self)
        put(" {\n")
        level += 1
        body(&self)
        level -= 1
        indent()
        put("}\n")
    }

    /// `count` members, each written by `member` (given its index), a blank line between two.
    mutating func members(count: Int, _ member: (inout SwiftPrinter, Int) -> Void) {
        for n in 0..<count {
            if n > 0 { line("") }
            member(&self, n)
        }
    }

    private mutating func members(_ ds: [SwiftDecl]) {
        members(count: ds.count) { $0.decl(ds[$1]) }
    }

    private mutating func putConformances(_ c: [SwiftType]) {
        for (i, type) in c.enumerated() {
            put(i == 0 ? ": " : ", ")
            put(type.text)
        }
    }

    mutating func enumDecl(doc: SwiftDoc?, name: SwiftName, conformances: [SwiftType], members: (inout SwiftPrinter) -> Void) {
        self.doc(doc)
        block({ p in
            p.put("public enum ")
            p.put(name.text)
            p.putConformances(conformances)
        }, members)
    }

    mutating func extensionDecl(type: SwiftType, members: (inout SwiftPrinter) -> Void) {
        block({ p in
            p.put("extension ")
            p.put(type.text)
        }, members)
    }

    /// What `decl` prints for a `staticLet` of `callee(label: value, …, arrayLabel: [elements])`
    /// with the array on several lines, one string literal a line (`count` of them, at least one),
    /// each written by `element` as UTF-8 into the buffer given (emptied before each): thousands
    /// of route rows, without a value for each.
    mutating func staticLetCall(doc: SwiftDoc?, name: SwiftName, type: SwiftType, callee: SwiftName,
                                arguments: [(label: SwiftName, value: SwiftExpr)], arrayLabel: SwiftName,
                                count: Int, element: (Int, inout [UInt8]) -> Void) {
        precondition(count > 0, "an empty array is printed on one line")
        self.doc(doc)
        indent()
        put("public static let ")
        put(name.text)
        put(": ")
        put(type.text)
        put(" = ")
        put(callee.text)
        out.append(0x28)
        for (label, value) in arguments {
            Self.newline(&out, depth: level + 1)
            Self.writeArgument(SwiftArgument(label, value), into: &out, depth: level + 1)
            out.append(0x2C)
        }
        Self.newline(&out, depth: level + 1)
        put(arrayLabel.text)
        put(": [")
        var bytes: [UInt8] = []
        for i in 0..<count {
            Self.newline(&out, depth: level + 2)
            bytes.removeAll(keepingCapacity: true)
            element(i, &bytes)
            bytes.withUnsafeBufferPointer { Self.appendLiteral(utf8: $0, to: &out) }
            out.append(0x2C)
        }
        Self.newline(&out, depth: level + 1)
        out.append(0x5D)
        Self.newline(&out, depth: level)
        out.append(0x29)
        out.append(ASCII.newline)
    }

    /// What `decl` prints for an undocumented `staticFunction` whose parameters are each labelled
    /// by its name and of type `type`, and whose body returns `value`: one per route, without a
    /// declaration value for each.
    mutating func staticFunction(name: SwiftName, parameters: [SwiftName], type: SwiftType, returns: SwiftType, value: SwiftExpr) {
        indent()
        put("public static func ")
        put(name.text)
        out.append(0x28)
        for (i, parameter) in parameters.enumerated() {
            if i > 0 { put(", ") }
            put(parameter.text)
            put(": ")
            put(type.text)
        }
        put(") -> ")
        put(returns.text)
        put(" {\n")
        level += 1
        emit(value) { $0.put("return ") }
        level -= 1
        indent()
        put("}\n")
    }

    mutating func decl(_ d: SwiftDecl) {
        switch d {
        case .enumDecl(let doc, let name, let conformances, let ms):
            enumDecl(doc: doc, name: name, conformances: conformances) { $0.members(ms) }
        case .structDecl(let doc, let name, let generic, let conformances, let ms):
            self.doc(doc)
            block({ p in
                p.put("public struct ")
                p.put(name.text)
                if let generic { p.put("<" + generic + ">") }
                p.putConformances(conformances)
            }, { $0.members(ms) })
        case .extensionDecl(let type, let ms):
            extensionDecl(type: type) { $0.members(ms) }
        case .staticLet(let doc, let name, let type, let value):
            self.doc(doc)
            emit(value) { p in
                p.put("public static let ")
                p.put(name.text)
                p.put(": ")
                p.put(type.text)
                p.put(" = ")
            }
        case .storedLet(let doc, let name, let type):
            self.doc(doc)
            indent()
            put("public let ")
            put(name.text)
            put(": ")
            put(type.text)
            put("\n")
        case .computedVar(let doc, let isStatic, let name, let type, let body):
            self.doc(doc)
            block({ p in
                p.put(isStatic ? "public static var " : "public var ")
                p.put(name.text)
                p.put(": ")
                p.put(type.text)
            }, { $0.statements(body) })
        case .function(let doc, let attributes, let name, let params, let effects, let returns, let body):
            self.doc(doc)
            for a in attributes { line(a) }
            block({ p in
                p.put("public func ")
                p.put(name.text)
                p.putParameters(params)
                if !effects.isEmpty { p.put(" " + effects) }
                if let returns { p.put(" -> " + returns.text) }
            }, { $0.statements(body) })
        case .staticFunction(let doc, let name, let params, let returns, let body):
            self.doc(doc)
            block({ p in
                p.put("public static func ")
                p.put(name.text)
                p.putParameters(params)
                p.put(" -> ")
                p.put(returns.text)
            }, { $0.statements(body) })
        case .initializer(let doc, let failable, let params, let body):
            self.doc(doc)
            block({ p in
                p.put(failable ? "public init?" : "public init")
                p.putParameters(params)
            }, { $0.statements(body) })
        }
    }

    /// `(label name: Type = value, …)`
    private mutating func putParameters(_ params: [SwiftParameter]) {
        put("(")
        for (i, parameter) in params.enumerated() {
            if i > 0 { put(", ") }
            if let label = parameter.label {
                put(label.text)
                if label != parameter.name { put(" " + parameter.name.text) }
            } else {
                put("_ " + parameter.name.text)
            }
            put(": ")
            put(parameter.type.text)
            if let value = parameter.defaultValue {
                put(" = ")
                out.append(Self.oneLine(value))
            }
        }
        put(")")
    }

    private mutating func statements(_ body: [SwiftStatement]) {
        for s in body { statement(s) }
    }

    private mutating func statement(_ s: SwiftStatement) {
        switch s {
        case .expression(let e): emit(e) { _ in }
        case .returnValue(let e): emit(e) { $0.put("return ") }
        case .assignMember(let name, let e): emit(e) { $0.put("self." + name.text + " = ") }
        }
    }

    /// `prefix` (written by the closure) and the expression, its lines indented at the current level.
    private mutating func emit(_ e: SwiftExpr, prefix: (inout SwiftPrinter) -> Void) {
        indent()
        prefix(&self)
        Self.write(e, into: &out, depth: level)
        out.append(ASCII.newline)
    }

    /// A newline and `depth` indentation units.
    private static func newline(_ out: inout OutputBytes, depth: Int) {
        out.append(ASCII.newline)
        appendIndent(depth, to: &out)
    }

    /// An expression on one line: its lines joined by spaces (written, then its newlines replaced).
    private static func oneLine(_ e: SwiftExpr) -> OutputBytes {
        var text = OutputBytes()
        writeOneLine(e, into: &text)
        return text
    }

    private static func writeOneLine(_ e: SwiftExpr, into out: inout OutputBytes) {
        let start = out.count
        write(e, into: &out, depth: 0)
        for i in start..<out.count where out[i] == ASCII.newline { out[i] = ASCII.space }
    }

    /// Writes an expression whose lines after the first start with `depth` indentation units
    /// (multi-line arrays and calls print one element a line, one unit deeper). Written in place:
    /// a call is written on one line and, should that not do, written again over it (at once on
    /// several lines when an argument is a multi-line array, so nested calls are not written twice).
    private static func write(_ e: SwiftExpr, into out: inout OutputBytes, depth: Int) {
        switch e {
        case .string(let s): appendLiteral(s, to: &out)
        case .int(let n): out.appendDecimal(n)
        case .bool(let b): out.append((b ? "true" : "false"))
        case .nilLiteral: out.append("nil")
        case .name(let n): out.append(n.text)
        case .selfValue: out.append("self")
        case .typeMember(let t, let name):
            out.append(t.text)
            out.append(ASCII.dot)
            out.append(name.text)
        case .member(let base, let name):
            if let base { write(base, into: &out, depth: depth) }
            out.append(ASCII.dot)
            out.append(name.text)
        case .tryAwait(let inner):
            out.append("try await ")
            write(inner, into: &out, depth: depth)
        case .array(let items, let multiline):
            if items.isEmpty { return out.append("[]") }
            out.append(0x5B)
            if !multiline {
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(", ") }
                    writeOneLine(item, into: &out)
                }
                return out.append(0x5D)
            }
            for item in items {
                newline(&out, depth: depth + 1)
                write(item, into: &out, depth: depth + 1)
                out.append(0x2C)
            }
            newline(&out, depth: depth)
            out.append(0x5D)
        case .call(let callee, let args):
            writeOneLine(callee, into: &out)
            out.append(0x28)
            let open = out.count
            // On one line when no argument takes several and they are short.
            var characters = 0
            var fits = !args.contains(where: \.value.isMultilineArray)
            for (k, a) in args.enumerated() where fits {
                if k > 0 { out.append(", ") }
                let start = out.count
                writeArgument(a, into: &out, depth: depth + 1)
                let (count, multiline) = out.withUnsafeBufferPointer { all in
                    let text = UnsafeBufferPointer(rebasing: all[start...])
                    return (characterCount(text), text.contains(ASCII.newline))
                }
                characters += count
                if multiline || characters >= 100 {
                    fits = false
                    break
                }
            }
            if fits { return out.append(0x29) }
            out.truncate(to: open)
            for (k, a) in args.enumerated() {
                newline(&out, depth: depth + 1)
                writeArgument(a, into: &out, depth: depth + 1)
                if k < args.count - 1 { out.append(0x2C) }
            }
            newline(&out, depth: depth)
            out.append(0x29)
        }
    }

    private static func writeArgument(_ a: SwiftArgument, into out: inout OutputBytes, depth: Int) {
        if let label = a.label {
            out.append(label.text)
            out.append(ASCII.colon)
            out.append(ASCII.space)
        }
        write(a.value, into: &out, depth: depth)
    }

    /// The characters of one line of UTF-8 text (its bytes, when it is ASCII).
    private static func characterCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        ASCII.isASCII(text) ? text.count : String(decoding: text, as: UTF8.self).count
    }
}
