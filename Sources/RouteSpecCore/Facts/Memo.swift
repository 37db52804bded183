#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// A bounded, thread-safe memo for pure functions of short texts: headings, permission cells and
/// scheme labels repeat across thousands of pages ("Not supported.", the same three row labels).
///
/// Keys are UTF-8 bytes, looked up without making a `String`: String equality and hashing
/// normalise non-ASCII text (NFC), and SipHash costs more than the memo saves on short keys. Two
/// spellings of one text that differ in bytes each get their own value. The hash need not resist
/// attack: a page that makes keys collide only makes its own lookups slower, never wrong.
final class Memo<Value: Sendable>: Sendable {
    private let storage = Mutex(ByteKeyTable<Value>())
    private let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    func value(for key: String, compute: (String) -> Value) -> Value {
        if let found = key.utf8.withContiguousStorageIfAvailable({ value(forBytes: $0) { _ in compute(key) } }) { return found }
        return Array(key.utf8).withUnsafeBufferPointer { value(forBytes: $0) { _ in compute(key) } }
    }

    /// `compute` is given the key's bytes, and runs outside the lock.
    func value(forBytes key: UnsafeBufferPointer<UInt8>, compute: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        let hash = ByteKeyTable<Value>.hash(key)
        if let hit = storage.withLock({ $0.find(key, hash: hash) }) { return hit }
        let value = compute(key)
        storage.withLock { table in
            if table.count < limit, table.find(key, hash: hash) == nil { table.insert(key, hash: hash, value: value) }
        }
        return value
    }
}

/// Open addressing over one byte arena: a lookup hashes the bytes once and compares them with
/// `memcmp`-like loops, allocating nothing.
struct ByteKeyTable<Value: Sendable>: Sendable {
    private var arena: [UInt8] = []
    private var entries: [(hash: UInt64, start: Int, count: Int, value: Value)] = []
    /// Index into `entries` plus one; zero is empty. The capacity is a power of two.
    private var slots = [Int32](repeating: 0, count: 64)

    var count: Int { entries.count }

    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = Int(slots[i])
            if slot == 0 { return nil }
            // Fields read one by one: copying the entry would retain its value.
            let e = slot - 1
            if entries[e].hash == hash, entries[e].count == key.count, Self.equal(arena, from: entries[e].start, key) { return entries[e].value }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append((hash, arena.count, key.count, value))
        arena.append(contentsOf: key)
        place(entries.count - 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for index in entries.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(index + 1)
    }

    private static func equal(_ arena: [UInt8], from start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { UTF8Text.equal(UnsafeBufferPointer(rebasing: $0[start..<(start + key.count)]), key) }
    }

    /// Eight bytes at a time, multiplied and folded; the length is mixed in first.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        let raw = UnsafeRawBufferPointer(key)
        var i = 0
        while i + 8 <= raw.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < raw.count {
            var tail: UInt64 = 0
            if raw.count >= 8 {
                // The last eight bytes, overlapping the words already mixed: one load, not a loop.
                tail = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)
            } else {
                for (shift, j) in (i..<raw.count).enumerated() { tail |= UInt64(raw[j]) << (8 * UInt64(shift)) }
            }
            h = mix(h ^ tail)
        }
        return mix(h)
    }

    private static func mix(_ x: UInt64) -> UInt64 {
        var h = x &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}
