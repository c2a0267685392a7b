import Foundation
import RoutingCore
import Tensor

/// How a policy turns each step's log-probabilities into actions.
public enum DecodeStrategy: Sendable {
    /// The most probable allowed node.
    case greedy
    /// A node drawn from the policy's distribution.
    case sample
    /// Prescribed actions, `actions[step][row]` (teacher forcing; used to check the forward pass).
    case forced([[Int32]])

    /// One action per row from `[rows, columns]` log-probabilities (`-inf` where masked) at `step`.
    func select(_ logProbabilities: Tensor, rows: Int, columns: Int, step: Int,
                using rng: inout SeededGenerator) -> [Int32] {
        if case .forced(let prescribed) = self {
            precondition(step < prescribed.count && prescribed[step].count == rows, "forced actions for step \(step)")
            return prescribed[step]
        }
        let p = logProbabilities.pointer
        return (0..<rows).map { row in
            selectRow(p + row * columns, columns: columns, step: step, row: row, using: &rng)
        }
    }

    /// The action of one row from its `columns` log-probabilities (`-inf` where masked) at `step`;
    /// `row` indexes the prescribed actions of `.forced`. `probabilities`, when given, are the same
    /// distribution exponentiated (sampling then skips the `exp` calls).
    @inline(__always)
    func selectRow(_ values: UnsafePointer<Float>, probabilities: UnsafePointer<Float>? = nil, columns: Int,
                   step: Int, row: Int, using rng: inout SeededGenerator) -> Int32 {
        switch self {
        case .greedy:
            var best = 0, bestValue = -Float.infinity
            for j in 0..<columns where values[j] > bestValue {
                best = j
                bestValue = values[j]
            }
            return Int32(best)
        case .sample:
            var target = Float(rng.nextUnit()), chosen = -1
            for j in 0..<columns where values[j] > -.infinity {
                chosen = j
                target -= probabilities?[j] ?? Foundation.exp(values[j])
                if target < 0 { break }
            }
            return Int32(max(chosen, 0))
        case .forced(let prescribed):
            precondition(step < prescribed.count && row < prescribed[step].count, "forced actions for step \(step)")
            return prescribed[step][row]
        }
    }
}

extension Mask {
    /// An independent copy (decoding saves each step's mask for the backward pass while the
    /// environment keeps updating its own).
    func copy() -> Mask {
        let result = Mask(allowingAll: shape)
        withUnsafeMutableBytes { source in
            result.withUnsafeMutableBytes { target in
                target.baseAddress!.update(from: source.baseAddress!, count: source.count)
            }
        }
        return result
    }
}
