import Synchronization

/// What the compiler derives from page facts, kept between runs: merged operations, their JSON
/// and their route names (Swift files already written are tracked by `OutputLedger`). Each entry is keyed on the content it was made from
/// (page facts, an operation's digest, a file's every input), never on where that content came
/// from, so a hit is exactly what computing afresh would give. With the facts cache this makes a
/// recompile after one changed page redo only what that page feeds.
///
/// Stages look values up and store new ones from several threads at once; `save` then writes the
/// entries this run used, so values nothing asks for any more go away.
public final class DerivedCache: @unchecked Sendable {
    /// Changes whenever an entry layout (`ModelCoding`, the stages' own encodings) or the file
    /// layout changes.
    static let format = "routespec-derived-cache 5"
    static let fileName = "derived.cache"

    enum Kind: String {
        case operation, operationJSON, routeNames, routeNamesDigest, routeGroups, filePlan
    }

    private let file: CacheFile
    /// The entries this run used, and how many of them it made.
    private let state: Mutex<(used: ContentHashTable<CacheFile.Entry>, misses: Int)>

    /// A cache for the running compiler, or nil when the compiler cannot identify itself.
    public static func forRunningTool(directory: String) -> DerivedCache? {
        ToolIdentity.current.map { DerivedCache(directory: directory, toolIdentity: $0) }
    }

    public init(directory: String, toolIdentity: String) {
        file = CacheFile(path: directory + "/" + Self.fileName, format: Self.format, toolIdentity: toolIdentity)
        state = Mutex((ContentHashTable(minimumCapacity: file.entryCount), 0))
    }

    /// The key of a value of `kind` made from exactly the fields given.
    static func key(_ kind: Kind, _ fields: (inout ContentHash.Builder) -> Void) -> ContentHash {
        var builder = ContentHash.Builder()
        builder.add(kind.rawValue)
        fields(&builder)
        return builder.hash
    }

    /// The value stored under `key`, or `make()`'s, which is then stored. A stored value that no
    /// longer decodes counts as absent.
    func value<T>(_ key: ContentHash, decode: (inout BinaryReader) throws -> T, encode: (T, inout BinaryWriter) -> Void,
                  make: () -> T) -> T {
        if let (bytes, range, _) = file.payload(key) {
            var r = BinaryReader(bytes, range: range)
            if let value = try? decode(&r), r.isAtEnd {
                record(key, .stored(key), miss: false)
                return value
            }
        }
        let value = make()
        var w = BinaryWriter()
        encode(value, &w)
        record(key, .fresh(key, w.bytes), miss: true)
        return value
    }

    private func record(_ key: ContentHash, _ entry: CacheFile.Entry, miss: Bool) {
        state.withLock { state in
            guard state.used[key] == nil else { return }
            state.used.set(key, entry)
            if miss { state.misses += 1 }
        }
    }

    /// Values made afresh this run, and values taken from the cache.
    public var misses: Int { state.withLock { $0.misses } }
    public var hits: Int { state.withLock { $0.used.count - $0.misses } }

    /// Writes the entries this run used, in key order, unless the file already holds exactly them.
    public func save() throws {
        let entries = state.withLock { $0.used }
        guard misses > 0 || entries.count != file.entryCount else { return }
        try file.write(entries.entries.map(\.value), sortingByKey: true)
    }
}
