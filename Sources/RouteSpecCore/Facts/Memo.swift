import Foundation
import Synchronization

/// A bounded, thread-safe memo for pure functions of short strings: permission cells and scheme
/// labels repeat across thousands of pages ("Not supported.", the same three row labels).
///
/// Keys are compared as UTF-8 bytes, not as `String`s: String equality and hashing normalise
/// non-ASCII text (NFC) on every lookup, which cost more than the memo saved on translated
/// pages; and two spellings of one text that differ in bytes must each get their own value.
final class Memo<Value: Sendable>: Sendable {
    private let storage = Mutex<[Key: Value]>([:])
    private let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    func value(for key: String, compute: (String) -> Value) -> Value {
        let k = Key(key)
        if let hit = storage.withLock({ $0[k] }) { return hit }
        let value = compute(key)
        storage.withLock { table in
            if table.count < limit { table[k] = value }
        }
        return value
    }

    private struct Key: Hashable, Sendable {
        var text: String
        init(_ text: String) {
            var t = text
            t.makeContiguousUTF8()
            self.text = t
        }

        static func == (a: Key, b: Key) -> Bool {
            return a.text.withUTF8Bytes { p in
                b.text.withUTF8Bytes { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
            }
        }

        func hash(into hasher: inout Hasher) {
            text.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
