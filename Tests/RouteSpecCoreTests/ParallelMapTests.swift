import Testing
@testable import RouteSpecCore

/// The helpers that move results instead of copying them must give what the plain versions give.
@Suite struct ParallelMapTests {
    @Test func reorderPutsTheElementAtEachIndexOfTheOrderThere() {
        var generator = SeededGenerator(seed: 5)
        for count in [0, 1, 2, 3, 17, 200] {
            let original = (0..<count).map { "value \($0)" }
            let order = Array(0..<count).shuffled(using: &generator)
            var reordered = original
            reordered.reorder(by: order)
            #expect(reordered == order.map { original[$0] }, "count \(count)")
        }
    }

    @Test func unzippedMapIsTheMapSplitInTwo() {
        for threads in [1, 2, 5] {
            for count in [0, 1, 2, 100] {
                let items = Array(0..<count)
                let (words, squares) = ParallelMap.unzippedMap(items, threads: threads) { ("item \($0)", $0 * $0) }
                #expect(words == items.map { "item \($0)" }, "threads \(threads), count \(count)")
                #expect(squares == items.map { $0 * $0 }, "threads \(threads), count \(count)")
            }
        }
    }

    @Test func mapKeepsInputOrderOnEveryThreadCount() {
        let items = (0..<1_000).map { "item \($0)" }
        for threads in [1, 2, 3, 8] {
            #expect(ParallelMap.map(items, threads: threads) { $0.uppercased() } == items.map { $0.uppercased() }, "threads \(threads)")
        }
    }
}
