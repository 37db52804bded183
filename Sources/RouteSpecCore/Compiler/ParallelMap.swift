import Dispatch
import Foundation

/// Maps over a collection on several threads; results come back in input order, so the output
/// does not depend on scheduling.
enum ParallelMap {
    /// `chunk`: items taken at a time (by default an eighth of a thread's share); give 1 for
    /// few, unequal items sorted largest first, so that no thread is handed several big ones.
    static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int, chunk: Int? = nil, _ transform: @Sendable (T) -> R) -> [R] {
        guard threads > 1, items.count > 1 else { return items.map(transform) }
        let results = ResultBuffer<R>(count: items.count)
        let chunk = max(1, chunk ?? items.count / (threads * 8))
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
///
/// `b` runs on a thread of its own rather than in a `concurrentPerform`: libdispatch runs an
/// apply nested in another apply on one thread, which made every parallel map inside `a` and
/// `b` serial.
public func inParallel<A: Sendable, B: Sendable>(threads: Int, _ a: @Sendable () -> A, _ b: @escaping @Sendable () -> B) -> (A, B) {
    guard threads > 1 else { return (a(), b()) }
    let second = ResultBuffer<B>(count: 1)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        second.set(0, b())
        done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    let first = a()
    done.wait()
    return (first, second.values()[0])
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
