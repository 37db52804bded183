/// Each operation's digest (`APIOperation.digest`), made once for the stages that key cached
/// values on it (the JSON and the Swift). Made from one model, it must be used with that model.
public struct OperationDigests: Sendable {
    private let byID: [String: ContentHash]

    public init(_ operations: [APIOperation], threads: Int) {
        let digests = ParallelMap.map(operations, threads: threads) { $0.digest }
        var byID: [String: ContentHash] = [:]
        byID.reserveCapacity(operations.count)
        for (op, digest) in zip(operations, digests) { byID[Self.id(op)] = digest }
        self.byID = byID
    }

    private static func id(_ op: APIOperation) -> String { op.apiVersion.rawValue + " " + op.id }

    subscript(_ op: APIOperation) -> ContentHash { byID[Self.id(op)] ?? op.digest }
}
