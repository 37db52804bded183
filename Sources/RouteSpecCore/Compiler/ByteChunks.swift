/// A file's bytes kept as the pieces they were made of (each operation's JSON, made this run or
/// where the cache file holds it), so that the file is written without first being copied into
/// one buffer: for the model, a buffer of its size is megabytes of fresh memory on every run.
public struct ByteChunks: Sendable {
    enum Chunk: Sendable {
        case made([UInt8])
        case stored(SharedBytes.Slice)
    }

    private(set) var chunks: [Chunk] = []
    public private(set) var count = 0

    init() {}

    mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        chunks.append(.made(bytes))
        count += bytes.count
    }

    mutating func append(_ chunk: Chunk) {
        chunks.append(chunk)
        count += chunk.count
    }

    /// Each piece in order.
    public func forEach(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        for chunk in chunks { try chunk.withBytes(body) }
    }

    /// The bytes in one array.
    public func joined() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        forEach { out.append(contentsOf: $0) }
        return out
    }
}

extension ByteChunks.Chunk {
    var count: Int {
        switch self {
        case .made(let bytes): bytes.count
        case .stored(let slice): slice.range.count
        }
    }

    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        switch self {
        case .made(let bytes): try bytes.withUnsafeBytes(body)
        case .stored(let slice): try body(slice.bytes)
        }
    }
}
