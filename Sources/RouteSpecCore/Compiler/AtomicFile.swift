import Dispatch
import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file by writing a temporary file beside it and moving it over the target, so a
/// killed run leaves either the old file or the new one, never half of one. A file whose bytes
/// would not change is not touched (so its timestamp, and whatever depends on it, stay put).
public enum AtomicFile {
    public enum Outcome: Sendable { case unchanged, written }

    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws -> Outcome {
        var chunks = ByteChunks()
        chunks.append(bytes)
        return try write(chunks, to: path)
    }

    /// `write` for bytes in pieces, written through a buffer of up to a megabyte (a call per piece
    /// would be thousands of calls).
    @discardableResult
    public static func write(_ chunks: ByteChunks, to path: String) throws -> Outcome {
        // A file of another size differs: it need not be read to tell.
        // The file is compared where the system holds it (mapped), not read into a copy.
        if FileSignature.of(path)?.size == Int64(chunks.count), let existing = SharedBytes.file(path), same(existing.raw, chunks) {
            return .unchanged
        }
        try replace(path) { fd in
            let capacity = min(1 << 20, chunks.count)
            var buffer: [UInt8] = []
            buffer.reserveCapacity(capacity)
            var failure: Int32?
            chunks.forEach { piece in
                guard failure == nil else { return }
                if buffer.count + piece.count > capacity {
                    failure = buffer.withUnsafeBytes { writeAll(fd, $0) }
                    buffer.removeAll(keepingCapacity: true)
                }
                if piece.count >= capacity {
                    failure = failure ?? writeAll(fd, piece)
                } else {
                    buffer.append(contentsOf: piece)
                }
            }
            return failure ?? buffer.withUnsafeBytes { writeAll(fd, $0) }
        }
        return .written
    }

    private static func same(_ file: UnsafeRawBufferPointer, _ chunks: ByteChunks) -> Bool {
        var offset = 0
        var equal = file.count == chunks.count
        chunks.forEach { piece in
            guard equal else { return }
            equal = same(UnsafeRawBufferPointer(rebasing: file[offset..<offset + piece.count]), piece)
            offset += piece.count
        }
        return equal
    }

    /// `==` on arrays compares element by element; output files run to megabytes.
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBytes { x in b.withUnsafeBytes { y in same(x, y) } }
    }

    static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// Writes without first comparing: for files that differ whenever they are written (caches).
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        try replace(path) { fd in bytes.withUnsafeBytes { writeAll(fd, $0) } }
    }

    /// Writes the temporary file with `fill` (which returns the `errno` of a failure) and renames
    /// it over `path`.
    private static func replace(_ path: String, fill: (Int32) -> Int32?) throws {
        let directory = path.deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(path.lastPathComponent).\(getpid())-\(ReplacedFiles.nextNumber()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let failure = fill(fd)
        if close(fd) != 0 && failure == nil {
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        if let failure {
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
        if let code = moveIntoPlace(temporary, path) {
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    /// Puts `temporary` at `path`; the `errno` of a failure, nil on success.
    ///
    /// On Linux a file already at `path` is exchanged with the new one, and the old one removed in
    /// the background (`ReplacedFiles`): ext4 (by default, `auto_da_alloc`) writes a file renamed
    /// over another out to disk before the rename returns, which took 10–40 ms for the model, and
    /// removing a large file takes several more. Readers of `path` see the old file or the new one
    /// either way; a run killed before the removal leaves the old file at `temporary`.
    private static func moveIntoPlace(_ temporary: String, _ path: String) -> Int32? {
        #if canImport(Glibc)
        var target = stat()
        if let exchange = renameExchange, lstat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG,
           exchange(AT_FDCWD, temporary, AT_FDCWD, path, renameExchangeFlag) == 0 {
            ReplacedFiles.remove(temporary)
            return nil
        }
        // No target, not a plain file, or a file system without exchange: an ordinary rename.
        #endif
        return rename(temporary, path) == 0 ? nil : errno
    }

    #if canImport(Glibc)
    private static let renameExchangeFlag: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>
    /// `renameat2`, looked up at run time: Swift's Glibc module does not declare it (glibc 2.28+).
    private static let renameExchange: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? =
        dlsym(nil, "renameat2").map { unsafeBitCast($0, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self) }
    #endif

    /// Writes every byte to `fd`; the `errno` of a failure, nil on success.
    public static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> Int32? {
        var written = 0
        while written < raw.count {
            let n = writeSome(fd, raw.baseAddress! + written, raw.count - written)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n < 0 ? errno : EIO }
            written += n
        }
        return nil
    }

    private static func writeSome(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }
}

/// Files replaced by `AtomicFile`, removed on a queue of their own rather than by the writer:
/// removing a large file can take as long as writing it (ext4 mounted with `discard` trims its
/// blocks then). The process waits for the removals when it exits, so none is left behind.
enum ReplacedFiles {
    private static let queue = DispatchQueue(label: "routespec.replaced-files")
    private static let pending = DispatchGroup()
    private static let count = Mutex(0)
    private static let waitsAtExit: Void = { atexit { ReplacedFiles.waitForRemovals() } }()

    /// A number no other temporary file of this process has: a name still waiting for removal is
    /// never written again.
    static func nextNumber() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }

    static func remove(_ path: String) {
        _ = waitsAtExit
        pending.enter()
        queue.async {
            unlink(path)
            pending.leave()
        }
    }

    static func waitForRemovals() { pending.wait() }
}
