import Dispatch

/// Maps over a collection on several threads; results come back in input order, so the output
/// does not depend on scheduling.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ transform: @Sendable (T) -> R) -> [R] {
        guard threads > 1, items.count > 1 else { return items.map(transform) }
        let results = ResultBuffer<R>(count: items.count)
        let chunk = max(1, items.count / (threads * 8))
        let chunks = (items.count + chunk - 1) / chunk
        items.withUnsafeBufferPointer { input in
            let input = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                let end = min(items.count, start + chunk)
                for i in start..<end { results.set(i, transform(input.value[i])) }
            }
        }
        return results.values()
    }
}

/// Runs two independent computations at once (on one thread when `threads` is 1).
public func inParallel<A: Sendable, B: Sendable>(threads: Int, _ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    guard threads > 1 else { return (a(), b()) }
    let results = ResultBuffer<Sendable>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { i in
        if i == 0 { results.set(0, a()) } else { results.set(1, b()) }
    }
    let values = results.values()
    return (values[0] as! A, values[1] as! B)
}

/// Each slot is written by exactly one iteration, so no lock is needed.
private final class ResultBuffer<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ i: Int, _ value: R) { slots[i] = value }
    func values() -> [R] { (0..<count).map { slots[$0]! } }
}

private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
