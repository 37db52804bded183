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

/// What `stat` says about a file that any write to it changes: device, inode, size, and the
/// modification and status-change times in nanoseconds. Programs can set the modification time
/// (`touch -d`, archive tools restore it) but not the status-change time, which the kernel moves
/// on every write, rename over the file and change of mode.
struct FileSignature: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    /// The signature of the file `path` leads to, or nil when it cannot be examined.
    static func of(_ path: String) -> FileSignature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        return FileSignature(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
                             size: Int64(info.st_size), modified: nanoseconds(modified), changed: nanoseconds(changed))
    }

    /// Whether the file had last changed more than `settling` before `start` (a run that saw this
    /// signature started then): file times tick coarsely, so a change in the same tick as that
    /// look could have left the signature as it was; only an older one vouches for the file.
    func settled(before start: Int64, by settling: Int64) -> Bool {
        max(modified, changed) < start - settling
    }

    /// Now, on the clock file times are taken from, in nanoseconds since 1970.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }

    func encode(_ w: inout BinaryWriter) {
        for field in [Int64(bitPattern: device), Int64(bitPattern: inode), size, modified, changed] { w.int(Int(field)) }
    }

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ r: inout BinaryReader) throws {
        device = UInt64(bitPattern: Int64(try r.int()))
        inode = UInt64(bitPattern: Int64(try r.int()))
        size = Int64(try r.int())
        modified = Int64(try r.int())
        changed = Int64(try r.int())
    }
}
