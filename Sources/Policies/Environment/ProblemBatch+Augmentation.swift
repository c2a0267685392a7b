import Tensor

extension ProblemBatch {
    /// Every instance under each of `symmetries` (by default the 8 symmetries of the unit square, POMO's
    /// ×8 augmentation): instance `i` under `symmetries[s]` is instance `i·k + s` of the result (`k` =
    /// `symmetries.count`). Distances, and so every tour's or route set's length, are unchanged; CVRP
    /// demands, the capacity and a matrix batch's travel costs are copied (its pseudo-coordinates are only
    /// defined up to such maps anyway).
    public func augmented(by symmetries: [CoordinateSymmetry] = CoordinateSymmetry.allCases) -> ProblemBatch {
        let k = symmetries.count, n = nodes
        let result = Tensor(uninitializedShape: [count * k, n, 2])
        var copiedDemands = [Int32]()
        if kind == .cvrp { copiedDemands.reserveCapacity(count * k * n) }
        let source = coordinates.pointer, target = result.pointer
        for instance in 0..<count {
            for (s, symmetry) in symmetries.enumerated() {
                let from = source + instance * n * 2, to = target + (instance * k + s) * n * 2
                for node in 0..<n {
                    let point = symmetry.apply(x: from[2 * node], y: from[2 * node + 1])
                    to[2 * node] = point.x
                    to[2 * node + 1] = point.y
                }
                if kind == .cvrp { copiedDemands += demands[(instance * n)..<((instance + 1) * n)] }
            }
        }
        let copiedTravel = travel.map { travel in
            let copies = Tensor(uninitializedShape: [count * k, n, n])
            for instance in 0..<count {
                for s in 0..<k {
                    (copies.pointer + (instance * k + s) * n * n).update(from: travel.pointer + instance * n * n, count: n * n)
                }
            }
            return copies
        }
        return ProblemBatch(kind: kind, coordinates: result, demands: kind == .cvrp ? copiedDemands : nil,
                            capacity: capacity, travel: copiedTravel)
    }
}
