extension Array {
    /// Reorders in place so that the element at `order[i]` ends up at `i` (`order` is a
    /// permutation of the indices). Elements are swapped, not copied: copying a large struct
    /// retains every reference in it, and freeing the old array releases each again.
    mutating func reorder(by order: [Int]) {
        precondition(order.count == count, "reorder(by:) needs a permutation of the indices")
        var placed = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { elements in
            for start in elements.indices where !placed[start] {
                var i = start
                while true {
                    placed[i] = true
                    let from = order[i]
                    if from == start { break }
                    precondition(!placed[from], "reorder(by:) needs a permutation of the indices")
                    elements.swapAt(i, from)
                    i = from
                }
            }
        }
    }
}
