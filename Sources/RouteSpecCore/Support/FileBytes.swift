import Foundation

/// Reads a whole file, or a pipe such as `/dev/stdin`, into bytes.
public enum FileBytes {
    public static func read(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        // `readToEnd` gives nil for an empty file.
        guard let data = try? handle.readToEnd() ?? Data() else { return nil }
        return [UInt8](data)
    }
}
