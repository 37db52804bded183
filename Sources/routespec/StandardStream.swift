import RouteSpecCore

/// Standard output and standard error, written straight to their file descriptors: every byte
/// given (`AtomicFile.writeAll`), in one call where the system takes it.
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
        _ = AtomicFile.writeAll(self == .output ? 1 : 2, bytes)
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        write(UnsafeRawBufferPointer(bytes))
    }
}
