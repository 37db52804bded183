import Testing
@testable import RouteSpecCore

/// The model file is written straight to text; it must be what `JSONValue` prints.
@Suite struct JSONTextWriterTests {
    /// Writes `value` through a sink, members in key order, as the model's encoders do.
    private func write<S: JSONSink>(_ value: JSONValue, to s: inout S) {
        switch value {
        case .string(let v): s.string(v)
        case .int(let v): s.int(v)
        case .bool(let v): s.bool(v)
        case .null: Issue.record("the model has no nulls")
        case .array(let items): s.array(items) { write($1, to: &$0) }
        case .object(let members):
            s.object { s in
                for (key, member) in members.sorted(by: { JSONValue.keyOrder($0.key, $1.key) }) {
                    s.key(key)
                    write(member, to: &s)
                }
            }
        }
    }

    static let values: [JSONValue] = [
        .object([:]), .array([]), .string("a \"quoted\"\n\\ line\u{1}"), .int(-12), .int(7), .bool(false),
        .object(["b": .array([.int(1), .array([]), .object([:])]), "a": .object(["z": .string("Ж"), "Z": .bool(true)]),
                 "permissionTables": .int(1), "permissions": .int(2)]),
        .array([.object(["x": .array([.array([.string("deep")])])]), .string(""), .object([:])]),
    ]

    @Test(arguments: values, [0, 2, 4])
    func writesWhatJSONValuePrints(value: JSONValue, indent: Int) {
        var writer = JSONTextWriter(indent: indent)
        write(value, to: &writer)
        var expected = OutputBytes()
        value.write(into: &expected, indent: indent)
        #expect(String(decoding: writer.takeBytes(), as: UTF8.self) == String(decoding: expected.takeBytes(), as: UTF8.self))
    }

    /// Strings of every length with a byte to escape anywhere (or none) read back as written.
    @Test func stringsRoundTrip() throws {
        var generator = SeededGenerator(seed: 5)
        let pieces = ["a", "Ж", "😀", "\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", "\u{7F}", " ", "~", "\u{80}"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0..<24, using: &generator)).map { _ in
                Int.random(in: 0..<10, using: &generator) < 8 ? "a" : pieces.randomElement(using: &generator)!
            }.joined()
            var written = OutputBytes()
            JSONValue.writeString(text, into: &written)
            let out = written.takeBytes()
            #expect(try JSONParser.parse(out) == .string(text), "\(Array(text.utf8))")
            #expect(!out.dropFirst().dropLast().contains { $0 < 0x20 || $0 == 0x7F })
        }
    }

    @Test(arguments: values)
    func buildsTheValueItDescribes(value: JSONValue) {
        #expect(JSONValueBuilder.build { write(value, to: &$0) } == value)
    }
}
