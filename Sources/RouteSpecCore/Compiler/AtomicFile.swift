import Foundation

/// Writes a file by writing a temporary file beside it and renaming it over the target, so a
/// killed run leaves either the old file or the new one, never half of one. A file whose bytes
/// would not change is not touched (so its timestamp, and whatever depends on it, stay put).
public enum AtomicFile {
    public enum Outcome: Sendable { case unchanged, written }

    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws -> Outcome {
        if let existing = FileBytes.read(path), existing == bytes {
            return .unchanged
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        return .written
    }
}
