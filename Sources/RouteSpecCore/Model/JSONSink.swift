/// Where an encoder's JSON goes: built as a `JSONValue`, or written straight as the model
/// file's text (`JSONTextWriter`). Encoders write each object's members in key order (byte order
/// of the UTF-8 keys), the order `JSONValue` prints them in: the text writer prints them as they
/// come, and checks the order in debug builds.
protocol JSONSink {
    mutating func string(_ s: String)
    mutating func int(_ n: Int)
    mutating func bool(_ b: Bool)
    /// An array of `items`, each written by `item`.
    mutating func array<C: Collection>(_ items: C, _ item: (inout Self, C.Element) -> Void)
    /// An object whose members `members` writes, each a `key` followed by its value.
    mutating func object(_ members: (inout Self) -> Void)
    mutating func key(_ key: String)
    /// A key spelled in the encoder: a field name of the model, written without escaping.
    mutating func field(_ name: StaticString)
}

extension JSONSink {
    mutating func field(_ name: StaticString) { key("\(name)") }
    mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }
}

/// Builds the `JSONValue` an encoder describes.
struct JSONValueBuilder: JSONSink {
    private(set) var value: JSONValue = .null
    private var members: [String: JSONValue] = [:]
    private var items: [JSONValue] = []
    private var pendingKey: String?
    private var isArray = false

    /// The value `encode` writes.
    static func build(_ encode: (inout JSONValueBuilder) -> Void) -> JSONValue {
        var builder = JSONValueBuilder()
        encode(&builder)
        return builder.value
    }

    private mutating func add(_ v: JSONValue) {
        if let key = pendingKey {
            members[key] = v
            pendingKey = nil
        } else if isArray {
            items.append(v)
        } else {
            value = v
        }
    }

    mutating func string(_ s: String) { add(.string(s)) }
    mutating func int(_ n: Int) { add(.int(n)) }
    mutating func bool(_ b: Bool) { add(.bool(b)) }
    mutating func key(_ key: String) { pendingKey = key }

    mutating func array<C: Collection>(_ elements: C, _ item: (inout JSONValueBuilder, C.Element) -> Void) {
        var inner = JSONValueBuilder()
        inner.isArray = true
        for e in elements { item(&inner, e) }
        add(.array(inner.items))
    }

    mutating func object(_ write: (inout JSONValueBuilder) -> Void) {
        var inner = JSONValueBuilder()
        write(&inner)
        add(.object(inner.members))
    }
}
