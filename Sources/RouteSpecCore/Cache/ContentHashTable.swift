/// A table keyed by content hashes. The keys are hashes already, evenly spread, so a key's slot
/// is its low bits: a `Dictionary` runs every key through SipHash, which made building a cache
/// file's index of tens of thousands of records cost more than reading them.
struct ContentHashTable<Value> {
    private var slots: [(key: ContentHash, value: Value)?]
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        slots = Array(repeating: nil, count: Self.capacity(for: minimumCapacity))
    }

    /// A power of two at most half full.
    private static func capacity(for count: Int) -> Int {
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        return capacity
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(of key: ContentHash) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: key.low) & mask
        while let occupant = slots[i], occupant.key != key { i = (i + 1) & mask }
        return i
    }

    subscript(_ key: ContentHash) -> Value? {
        slots[slot(of: key)]?.value
    }

    /// Stores `value` under `key`, replacing what was there.
    mutating func set(_ key: ContentHash, _ value: Value) {
        if (count + 1) * 2 > slots.count { grow() }
        let i = slot(of: key)
        if slots[i] == nil { count += 1 }
        slots[i] = (key, value)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        for case let (key, value)? in old { slots[slot(of: key)] = (key, value) }
    }

    /// Every entry, in no particular order.
    var entries: [(key: ContentHash, value: Value)] { slots.compactMap { $0 } }
}

extension ContentHashTable: Sendable where Value: Sendable {}
