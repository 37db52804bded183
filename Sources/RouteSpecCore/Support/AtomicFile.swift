import Foundation

/// Writes a file by writing a temporary file beside it and renaming it over the target, so a
/// killed run leaves either the old file or the new one, never half of one. A file whose bytes
/// would not change is not touched (so its timestamp, and whatever depends on it, stay put).
public enum AtomicFile {
    public enum Outcome: Sendable { case unchanged, written }

    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws -> Outcome {
        let url = URL(fileURLWithPath: path)
        let new = Data(bytes)
        if isSpecialFile(path) {
            // `/dev/null`, a pipe or a terminal: renaming over it would replace the device itself.
            guard let handle = FileHandle(forWritingAtPath: path) else { throw POSIXError(.EACCES) }
            defer { try? handle.close() }
            try handle.write(contentsOf: new)
            return .written
        }
        if holds(new, at: path) { return .unchanged }
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A name of its own per write: two runs (or threads) never share a temporary file.
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try new.write(to: temporary)
            guard rename(temporary.path, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return .written
    }

    /// Whether `path` exists and is neither a regular file nor a folder (a device, a pipe, a socket).
    static func isSpecialFile(_ path: String) -> Bool {
        guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType else { return false }
        return type != .typeRegular && type != .typeDirectory && type != .typeSymbolicLink
    }

    /// Whether the file at `path` holds exactly `bytes`.
    static func holds(_ bytes: Data, at path: String) -> Bool {
        FileManager.default.contents(atPath: path) == bytes
    }
}
