#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Immutable bytes that readers share without copying: a cache file mapped read-only, or a copy of
/// an array. Mapping a file costs no copy and, for a file the system already holds in memory, one
/// page fault per several pages rather than one per page of a fresh buffer.
///
/// A mapped file must not shrink while mapped: the caches replace their files by renaming a new
/// one over them (the mapping keeps the old one) or append to them, and never truncate.
final class SharedBytes: @unchecked Sendable {
    let raw: UnsafeRawBufferPointer
    /// The memory to give back: mapped, or allocated for a copy.
    private let mapping: UnsafeRawBufferPointer?
    private let allocation: UnsafeMutableRawPointer?

    init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { if let source = $0.baseAddress { copy.copyMemory(from: source, byteCount: $0.count) } }
        raw = UnsafeRawBufferPointer(start: copy, count: bytes.count)
        allocation = copy
        mapping = nil
    }

    private init(mapped: UnsafeRawBufferPointer) {
        raw = mapped
        mapping = mapped
        allocation = nil
    }

    /// The bytes of the file at `path`, mapped; read into memory where mapping fails. Nil when the
    /// file cannot be read.
    static func file(_ path: String) -> SharedBytes? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return SharedBytes([]) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return FileBytes.read(path).map(SharedBytes.init)
        }
        return SharedBytes(mapped: UnsafeRawBufferPointer(start: base, count: size))
    }

    var count: Int { raw.count }

    subscript(range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: raw[range]) }

    deinit {
        if let mapping, let base = mapping.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), mapping.count) }
        allocation?.deallocate()
    }

    /// Part of shared bytes, kept alive with them.
    struct Slice: Sendable {
        let owner: SharedBytes
        let range: Range<Int>
        var bytes: UnsafeRawBufferPointer { owner[range] }
    }
}
