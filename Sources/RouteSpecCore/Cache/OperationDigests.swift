/// Each operation's digest (`APIOperation.digest`), made once for the stages that key cached
/// values on it (the JSON and the Swift). Made from one model, it must be used with that model.
public struct OperationDigests: Sendable {
    /// In the order of the model's operations: a lookup by position hashes nothing.
    let inOrder: [ContentHash]

    public init(_ operations: [APIOperation], threads: Int) {
        inOrder = ParallelMap.map(operations, threads: threads) { $0.digest }
    }

    /// Digests already known, in the order of the model's operations.
    init(inOrder: [ContentHash]) { self.inOrder = inOrder }

    /// `given` when it was made from `operations` (as far as a count tells), else made here.
    static func of(_ operations: [APIOperation], given: OperationDigests?, threads: Int) -> OperationDigests {
        if let given, given.inOrder.count == operations.count { return given }
        return OperationDigests(operations, threads: threads)
    }
}
