/// Writes JSON text as `JSONValue.write` prints it (2-space indent, `"key": value`), without
/// building the value first: members are printed in the order they come, which encoders keep
/// sorted (see `JSONSink`).
struct JSONTextWriter: JSONSink {
    private var out: OutputBytes
    private var indent: Int
    /// Values written so far in the innermost array or object (nil at the top level).
    private var count: Int?
    /// A key was just written: its value follows on the same line.
    private var afterKey = false
    #if DEBUG
    private var lastKey: String?
    #endif

    /// A writer for a value printed at `indent` (where `JSONValue.write(into:indent:)` would).
    /// With room for `capacity` bytes (an operation's text, grown from little, would be moved
    /// several times on its way to its two kilobytes).
    init(indent: Int = 0, capacity: Int = 256) {
        self.indent = indent
        out = OutputBytes(capacity: capacity)
    }

    /// The text written, leaving the writer empty.
    mutating func takeBytes() -> [UInt8] { out.takeBytes() }

    /// Starts a value: in an array, on its own line after a comma if not the first.
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if let n = count {
            if n > 0 { out.append(0x2C) }
            newline(indent)
            count = n + 1
        }
    }

    private mutating func newline(_ indent: Int) { JSONValue.newline(&out, indent) }

    mutating func string(_ s: String) {
        beginValue()
        JSONValue.writeString(s, into: &out)
    }

    mutating func int(_ n: Int) {
        beginValue()
        JSONValue.writeInt(n, into: &out)
    }

    mutating func bool(_ b: Bool) {
        beginValue()
        out.append(b ? JSONValue.trueBytes : JSONValue.falseBytes)
    }

    /// Debug builds check that members come in key order.
    private mutating func noteKey(_ key: @autoclosure () -> String) {
        #if DEBUG
        let key = key()
        if let lastKey { assert(JSONValue.keyOrder(lastKey, key), "JSON keys out of order: \(lastKey), \(key)") }
        lastKey = key
        #endif
    }

    mutating func key(_ key: String) {
        noteKey(key)
        beginValue()
        JSONValue.writeString(key, into: &out)
        out.append(0x3A)
        out.append(ASCII.space)
        afterKey = true
    }

    mutating func field(_ name: StaticString) {
        assert(name.withUTF8Buffer { !JSONValue.needsEscape($0) }, "a field name that needs escaping: \(name)")
        noteKey("\(name)")
        beginValue()
        out.append(0x22)
        out.append(name)
        out.append("\": ")
        afterKey = true
    }

    mutating func array<C: Collection>(_ elements: C, _ item: (inout JSONTextWriter, C.Element) -> Void) {
        container(open: 0x5B, close: 0x5D) { w in
            for e in elements { item(&w, e) }
        }
    }

    mutating func object(_ members: (inout JSONTextWriter) -> Void) {
        container(open: 0x7B, close: 0x7D, members)
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONTextWriter) -> Void) {
        beginValue()
        out.append(open)
        let outer = (indent, count)
        indent += 2
        count = 0
        #if DEBUG
        let outerKey = lastKey
        lastKey = nil
        #endif
        body(&self)
        if count! > 0 { newline(outer.0) }
        out.append(close)
        (indent, count) = outer
        #if DEBUG
        lastKey = outerKey
        #endif
    }
}
