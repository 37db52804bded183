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

/// Reads a whole file into bytes: one `read` for the size `fstat` gives (and more if the file grew
/// before it), without the copy that `Data` → `[UInt8]` makes.
public enum FileBytes {
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        // Read into uninitialised memory: zeroing the buffer first would touch every page twice.
        let size = max(Int(info.st_size), 0)
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        var filled = 0, failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            while filled < buffer.count {
                let wanted = buffer.count - filled
                let n = readSome(fd, buffer.baseAddress! + filled, wanted)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true }
                if n <= 0 { break }
                filled += n
                // A regular file's short read that stops at the size `fstat` gave is its end: no
                // second read just to be told so (a file growing meanwhile is read as it was).
                if regular && n < wanted && filled == size { break }
            }
            count = filled
        }
        if failed { return nil }
        // The file grew since `fstat`: read the rest.
        if filled == size + 1 {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { readSome(fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return nil }
                if n == 0 { break }
                bytes += chunk[0..<n]
            }
        }
        return bytes
    }

    private static func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }
}
