import Foundation

/// Where a command writes: standard output and standard error for the tool, buffers in tests.
public struct Console: Sendable {
    private let writeOutput: @Sendable ([UInt8]) -> Void
    private let writeError: @Sendable ([UInt8]) -> Void

    public init(output: @escaping @Sendable ([UInt8]) -> Void, error: @escaping @Sendable ([UInt8]) -> Void) {
        writeOutput = output
        writeError = error
    }

    /// The process's standard output and standard error, written as given (nothing to flush at exit).
    public static let standard = Console(output: { FileHandle.standardOutput.write(Data($0)) },
                                         error: { FileHandle.standardError.write(Data($0)) })

    func output(_ text: String) { writeOutput(Array(text.utf8)) }
    func output(_ bytes: [UInt8]) { writeOutput(bytes) }
    func error(_ text: String) { writeError(Array(text.utf8)) }
}
