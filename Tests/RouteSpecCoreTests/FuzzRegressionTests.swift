import Foundation
import Testing
@testable import RouteSpecCore

/// Inputs that once broke a stage (kept from `Scripts/fuzz.sh` runs, or written by hand in their
/// image): each compiles without a crash and gets at least one diagnostic.
@Suite struct FuzzRegressionTests {
    static let folder = TestPaths.packageRoot + "/Tests/RouteSpecCoreTests/FuzzRegressions"
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()

    @Test func thereAreRegressionInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs) func compilesWithADiagnostic(name: String) throws {
        let result = try Compiler(options: .init(threads: 1)).compile(paths: [Self.folder + "/" + name])
        #expect(!result.model.diagnostics.isEmpty)
        #expect(result.model.json().serialized().hasPrefix("{"))
    }
}
