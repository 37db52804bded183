import Dispatch
import Foundation

/// Maps over an array on several threads; results come back in input order, so the output
/// does not depend on scheduling.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ transform: @Sendable (T) -> R) -> [R] {
        guard threads > 1, items.count > 1 else { return items.map(transform) }
        // Many more chunks than threads, so threads finish together although items differ in cost.
        let chunks = min(items.count, threads * 32)
        let results = ChunkResults<R>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (items.count * c / chunks)..<(items.count * (c + 1) / chunks)
            results.set(c, items[range].map(transform))
        }
        return results.joined()
    }
}

private final class ChunkResults<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [[R]]

    init(count: Int) { chunks = Array(repeating: [], count: count) }

    // lock()/unlock() rather than `withLock`, which Apple's Foundation has only from macOS 14.
    func set(_ index: Int, _ values: [R]) {
        lock.lock()
        defer { lock.unlock() }
        chunks[index] = values
    }

    func joined() -> [R] {
        lock.lock()
        defer { lock.unlock() }
        return chunks.flatMap { $0 }
    }
}

/// Runs two independent computations at once (one after the other when `threads` is 1): `b` on a
/// thread of its own (an apply nested in another apply would run on one thread, making the
/// parallel maps inside `a` and `b` serial).
public func inParallel<A: Sendable, B: Sendable>(threads: Int, _ a: () -> A, _ b: @escaping @Sendable () -> B) -> (A, B) {
    guard threads > 1 else { return (a(), b()) }
    let second = ChunkResults<B>(count: 1)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        second.set(0, [b()])
        done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    let first = a()
    done.wait()
    return (first, second.joined()[0])
}
