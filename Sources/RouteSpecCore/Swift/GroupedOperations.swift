/// One version's operations as route groups see them: the model's operations at `positions`,
/// numbered from 0. Every route of every group shares this one list: a route holding a copy of
/// its operation retained every reference in it, for each of tens of thousands of routes.
final class GroupedOperations: Sendable {
    let model: [APIOperation]
    /// The model index of each operation, in this list's order.
    let positions: [Int]

    init(model: [APIOperation], positions: [Int]) {
        self.model = model
        self.positions = positions
    }

    var count: Int { positions.count }
    var indices: Range<Int> { positions.indices }
    /// Lent, not copied: a copy retains every list and string the operation holds.
    subscript(_ o: Int) -> APIOperation {
        _read { yield model[positions[o]] }
    }
}
