import Testing
@testable import RouteSpecCore

/// Results come back in input order whatever the thread count: outputs must not depend on scheduling.
@Suite struct ParallelMapTests {
    @Test func mapKeepsInputOrderOnEveryThreadCount() {
        for count in [0, 1, 2, 3, 17, 1_000] {
            let items = (0..<count).map { "item \($0)" }
            for threads in [1, 2, 3, 8] {
                #expect(ParallelMap.map(items, threads: threads) { $0.uppercased() } == items.map { $0.uppercased() },
                        "count \(count), threads \(threads)")
            }
        }
    }

    @Test func inParallelReturnsBothResults() {
        for threads in [1, 2] {
            let (a, b) = inParallel(threads: threads, { (1...100).reduce(0, +) },
                                    { ParallelMap.map(Array(1...100), threads: threads) { $0 * 2 }.reduce(0, +) })
            #expect(a == 5050, "threads \(threads)")
            #expect(b == 10100, "threads \(threads)")
        }
    }
}
