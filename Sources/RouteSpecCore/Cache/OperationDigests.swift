/// Each operation's digest (`APIOperation.digest`), made once for the stages that key cached
/// values on it (the JSON and the Swift). Made from one model, it must be used with that model.
public struct OperationDigests: Sendable {
    private let byID: [Key: ContentHash]
    /// In the order of the model's operations: a lookup by position hashes nothing.
    let inOrder: [ContentHash]

    private struct Key: Hashable {
        var version: ApiVersion
        var id: String
    }

    public init(_ operations: [APIOperation], threads: Int) {
        let digests = ParallelMap.map(operations, threads: threads) { $0.digest }
        var byID: [Key: ContentHash] = [:]
        byID.reserveCapacity(operations.count)
        for (op, digest) in zip(operations, digests) { byID[Self.id(op)] = digest }
        self.byID = byID
        inOrder = digests
    }

    /// `given` when it was made from `operations` (as far as a count tells), else made here.
    static func of(_ operations: [APIOperation], given: OperationDigests?, threads: Int) -> OperationDigests {
        if let given, given.inOrder.count == operations.count { return given }
        return OperationDigests(operations, threads: threads)
    }

    private static func id(_ op: APIOperation) -> Key { Key(version: op.apiVersion, id: op.id) }

    subscript(_ op: APIOperation) -> ContentHash { byID[Self.id(op)] ?? op.digest }
}
