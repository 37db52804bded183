import Synchronization

/// A bounded, thread-safe memo for pure functions of short strings: permission cells and scheme
/// labels repeat across thousands of pages ("Not supported.", the same three row labels).
final class Memo<Value: Sendable>: Sendable {
    private let storage = Mutex<[String: Value]>([:])
    private let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    func value(for key: String, compute: (String) -> Value) -> Value {
        if let hit = storage.withLock({ $0[key] }) { return hit }
        let value = compute(key)
        storage.withLock { table in
            if table.count < limit { table[key] = value }
        }
        return value
    }
}
