import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error as a person reads it: a system error as the system words it (`No such file or
/// directory`), with the file it concerns; any other error as it describes itself.
public enum ErrorText {
    public static func describe(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return systemMessage(posix.code.rawValue) }
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo["NSUnderlyingError"] as? POSIXError {
            let reason = systemMessage(underlying.code.rawValue)
            return (cocoa.userInfo["NSFilePath"] as? String).map { "\($0): \(reason)" } ?? reason
        }
        return "\(error)"
    }

    private static func systemMessage(_ code: Int32) -> String { String(cString: strerror(code)) }
}
