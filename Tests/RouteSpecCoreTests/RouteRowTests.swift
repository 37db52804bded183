import RouteSpecRuntime
import Testing

/// Generated tables store routes as text rows; whatever the docs contain must come back unchanged.
@Suite struct RouteRowTests {
    static let awkward = ["", "a", "%", "%25", "a|b", "a,b", "a+b", "tab\there", "new\nline", "cr\rx", "-", "n", "ü/é",
                          "\u{202E}rtl", "\\(x)", "\"q\"", "%zz", "%4", "|||", ",,", "User.Read.All"]

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static func text(_ g: inout Generator) -> String {
        (0..<Int.random(in: 1...3, using: &g)).map { _ in awkward.randomElement(using: &g)! }.joined()
    }

    static func requirement(_ g: inout Generator) -> PermissionRequirement? {
        switch Int.random(in: 0..<5, using: &g) {
        case 0: return nil
        case 1: return .unsupported
        case 2: return .noneRequired
        default:
            func names(_ n: Int) -> [GraphPermission] {
                (0..<n).map { _ in GraphPermission(rawValue: text(&g)) }.filter { !$0.rawValue.isEmpty }
            }
            let least = names(Int.random(in: 0...2, using: &g))
            let combos = Int.random(in: 0...1, using: &g) == 1 && least.count > 1 ? [least] : []
            return PermissionRequirement(leastPrivileged: least, higherPrivileged: names(Int.random(in: 0...3, using: &g)),
                                         combinations: combos, noPermissionRequired: Int.random(in: 0...5, using: &g) == 0,
                                         unparsed: (0..<Int.random(in: 0...2, using: &g)).map { _ in text(&g) }.filter { !$0.isEmpty })
        }
    }

    static func permissions(_ g: inout Generator) -> RoutePermissions {
        RoutePermissions(delegatedWork: requirement(&g), delegatedPersonal: requirement(&g), application: requirement(&g))
    }

    @Test func randomRowsSurviveEncoding() {
        var g = Generator(state: 42)
        for _ in 0..<2_000 {
            let row = RouteRow(name: Self.text(&g), method: Self.text(&g), template: Self.text(&g), line: Int.random(in: 0...99_999, using: &g),
                               operationID: Self.text(&g), operationName: Self.text(&g),
                               expectedStatuses: (0..<Int.random(in: 0...3, using: &g)).map { _ in Int.random(in: 100...599, using: &g) },
                               source: Self.text(&g), operationPermissions: Self.permissions(&g),
                               routePermissions: Bool.random(using: &g) ? Self.permissions(&g) : nil)
            let encoded = row.encoded
            #expect(!encoded.contains("\n") && !encoded.contains("\r"))
            #expect(RouteRow(decoding: encoded) == row, "\(encoded)")
        }
    }

    @Test func malformedRowsAreSkippedNotTrapped() {
        let good = RouteRow(name: "get", method: "GET", template: "/me", line: 3, operationID: "v1.0/x", operationName: "get",
                            expectedStatuses: [200], source: "x.md", operationPermissions: .undocumented, routePermissions: nil).encoded
        let table = RouteTable(apiVersion: "v1.0", rows: ["", "garbage", "a\tb\tc", good, good])
        #expect(table.descriptors.map(\.name) == ["get"])
        #expect(table.descriptor(named: "get").template.text == "/me")
        #expect(!table.descriptor(named: "missing").isDocumented)
    }
}
