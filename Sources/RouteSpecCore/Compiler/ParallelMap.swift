import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps over a collection on several threads; results come back in input order, so the output
/// does not depend on scheduling.
enum ParallelMap {
    /// `chunk`: items taken at a time (by default a 32nd of a thread's share, so threads finish
    /// together although items differ in cost); give 1 for few, unequal items sorted largest
    /// first, so that no thread is handed several big ones.
    static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int, chunk: Int? = nil, _ transform: @Sendable (T) -> R) -> [R] {
        guard threads > 1, items.count > 1 else { return items.map(transform) }
        return fill(items, threads: threads, chunk: chunk, transform).values()
    }

    /// `map` for a transform with two results, returned as two arrays: the results are moved
    /// apart, where splitting mapped pairs would copy (retain) every reference in them.
    static func unzippedMap<T: Sendable, A: Sendable, B: Sendable>(_ items: [T], threads: Int, chunk: Int? = nil,
                                                                   _ transform: @Sendable (T) -> (A, B)) -> ([A], [B]) {
        fill(items, threads: max(1, min(threads, items.count)), chunk: chunk, transform).unzipped()
    }

    private static func fill<T: Sendable, R: Sendable>(_ items: [T], threads: Int, chunk: Int?, _ transform: @Sendable (T) -> R) -> ResultBuffer<R> {
        let results = ResultBuffer<R>(count: items.count)
        guard threads > 1 else {
            for (i, item) in items.enumerated() { results.set(i, transform(item)) }
            return results
        }
        let chunk = max(1, chunk ?? items.count / (threads * 32))
        let chunks = (items.count + chunk - 1) / chunk
        items.withUnsafeBufferPointer { input in
            let input = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                let end = min(items.count, start + chunk)
                for i in start..<end { results.set(i, transform(input.value[i])) }
            }
        }
        return results
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
    SecondThread.start {
        second.set(0, b())
        done.signal()
    }
    let first = a()
    done.wait()
    return (first, second.values()[0])
}

/// Each slot is written by exactly one iteration, so no lock is needed.
private final class ResultBuffer<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R?>
    private var count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ i: Int, _ value: consuming R) { slots[i] = consume value }
    /// Moves the values out (copying would retain every reference in them, and freeing the
    /// slots release each again); the buffer is empty afterwards.
    func values() -> [R] {
        let moved = (0..<count).map { (slots + $0).move()! }
        count = 0
        return moved
    }

    func unzipped<A, B>() -> ([A], [B]) where R == (A, B) {
        var a: [A] = [], b: [B] = []
        a.reserveCapacity(count)
        b.reserveCapacity(count)
        for i in 0..<count {
            let (x, y) = (slots + i).move()!
            a.append(consume x)
            b.append(consume y)
        }
        count = 0
        return (a, b)
    }
}

private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A thread of its own, with a 16 MB stack (the page walkers recurse), that runs `body` and ends.
private enum SecondThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    static func start(_ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 16 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        #if canImport(Glibc)
        let created = pthread_create(&thread, &attributes, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        #else
        let created = pthread_create(&thread, &attributes, { context in
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        #endif
        // Without a second thread, the work is done on this one.
        if created != 0 { Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run() }
    }
}
