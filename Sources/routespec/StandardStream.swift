#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and standard error, written straight to their file descriptors: every byte
/// given, in one call where the system takes it.
enum StandardStream {
    case output, error

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        write(bytes.bindMemory(to: UInt8.self))
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        let fd: Int32 = self == .output ? 1 : 2
        var written = 0
        while written < bytes.count {
            #if canImport(Glibc)
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            #else
            let n = Darwin.write(fd, bytes.baseAddress! + written, bytes.count - written)
            #endif
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            written += n
        }
    }
}
