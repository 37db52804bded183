import Foundation

/// Standard output and standard error, written as given (no buffering to flush at exit).
enum Console {
    static func output(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func output(_ bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
    static func error(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
