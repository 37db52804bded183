/// Strings in the order first seen, each once: a `Set<String>` hashes every string with SipHash
/// and compares it as Unicode text, several times the cost of `ByteKeyTable`'s byte hash and
/// `memcmp`, and permission names are collected from every route of every operation.
struct DistinctStrings {
    private var seen = ByteKeyTable<Bool>()
    private(set) var list: [String] = []

    mutating func insert(_ string: String) {
        string.withUTF8Bytes { bytes in
            let hash = ByteKeyTable<Bool>.hash(bytes)
            if seen.find(bytes, hash: hash) == nil {
                seen.insert(bytes, hash: hash, value: true)
                list.append(string)
            }
        }
    }
}
