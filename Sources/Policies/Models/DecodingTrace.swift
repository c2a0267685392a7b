import Tensor

/// What a decoding pass saw at every step: masks, the node stood on, the remaining capacity and the
/// action taken. With it, the log-probabilities of all steps can be recomputed in one batched,
/// differentiable pass (teacher forcing) instead of recording every step on the tape.
struct DecodingTrace {
    /// Per step, the `[rows, n]` mask bytes before the action.
    private(set) var masks: [[UInt8]] = []
    /// Per step, the node each row stood on before the action (`-1` before the first TSP step).
    private(set) var previous: [[Int32]] = []
    /// Per step, the remaining capacity fraction before the action (CVRP).
    private(set) var capacities: [[Float]] = []
    /// Per step, the action of each row.
    private(set) var actions: [[Int32]] = []

    /// Number of recorded steps.
    var steps: Int { actions.count }

    /// Records the state of `environment` and the `chosen` actions (call before stepping it).
    mutating func record(_ environment: any DecodingEnvironment, chosen: [Int32]) {
        masks.append(environment.mask.withUnsafeMutableBytes { Array($0) })
        previous.append(environment.current)
        if let cvrp = environment as? CVRPEnvironment { capacities.append(cvrp.remainingCapacityFraction) }
        actions.append(chosen)
    }

    /// A `[groups, steps · perGroup, n]` mask: element `(g, t, r, j)` is step `t`'s byte for row
    /// `g · perGroup + r` (rows of one instance grouped, steps outer, rollouts inner).
    func stackedMask(groups: Int, perGroup: Int, nodes n: Int) -> Mask {
        let t = steps
        let mask = Mask(allowingAll: [groups, t * perGroup, n])
        mask.withUnsafeMutableBytes { target in
            for g in 0..<groups {
                for step in 0..<t {
                    masks[step].withUnsafeBufferPointer { source in
                        let from = source.baseAddress! + g * perGroup * n
                        let to = target.baseAddress! + ((g * t + step) * perGroup) * n
                        to.update(from: from, count: perGroup * n)
                    }
                }
            }
        }
        return mask
    }

    /// `values[step][g · perGroup + r]` reordered as `[g][step][r]` (the stacked layout).
    static func stacked<T>(_ values: [[T]], groups: Int, perGroup: Int) -> [T] {
        var result = [T]()
        result.reserveCapacity(values.count * groups * perGroup)
        for g in 0..<groups {
            for step in values.indices { result.append(contentsOf: values[step][(g * perGroup)..<((g + 1) * perGroup)]) }
        }
        return result
    }
}
