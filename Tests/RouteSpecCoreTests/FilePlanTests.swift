import Testing
@testable import RouteSpecCore

/// A file plan read back from the cache names where files are written: only paths the generator
/// makes, and only groups that exist, are believed.
@Suite struct FilePlanTests {
    private func decoded(_ plan: FilePlan, version: ApiVersion = .v1) -> FilePlan? {
        var w = BinaryWriter()
        plan.encode(&w)
        var r = BinaryReader(w.bytes)
        return try? FilePlan(&r, version: version, builders: [])
    }

    @Test(arguments: ["v1.0/GraphV1+Users.swift", "v1.0/GraphV1+Users_3.swift", "v1.0/GraphV1+Routes.swift"])
    func aPathTheGeneratorMakesIsBelieved(path: String) {
        let plan = FilePlan(files: [.init(path: path, parts: [], names: ContentHash(high: 1, low: 2))])
        #expect(decoded(plan)?.files.map(\.path) == [path])
    }

    @Test(arguments: ["../GraphV1+Users.swift", "v1.0/GraphV1+../../x.swift", "v1.0/GraphV1+Users.swift/x", "beta/GraphBeta+Users.swift",
                      "v1.0/GraphV1+.swift", "v1.0/GraphV1+Us ers.swift", "/etc/GraphV1+Users.swift"])
    func anyOtherPathIsNot(path: String) {
        #expect(decoded(FilePlan(files: [.init(path: path, parts: [], names: ContentHash(high: 1, low: 2))])) == nil)
    }

    @Test func aGroupThatIsNotThereIsNotBelieved() {
        let plan = FilePlan(files: [.init(path: "v1.0/GraphV1+Users.swift", parts: [.init(builder: 0, methods: [])], names: ContentHash(high: 1, low: 2))])
        #expect(decoded(plan) == nil)
    }
}
