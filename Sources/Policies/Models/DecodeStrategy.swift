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
        let p = logProbabilities.pointer
        var actions = [Int32](repeating: 0, count: rows)
        switch self {
        case .greedy:
            for row in 0..<rows {
                let values = p + row * columns
                var best = 0, bestValue = -Float.infinity
                for j in 0..<columns where values[j] > bestValue {
                    best = j
                    bestValue = values[j]
                }
                actions[row] = Int32(best)
            }
        case .sample:
            for row in 0..<rows {
                let values = p + row * columns
                var target = Float(rng.nextUnit()), chosen = -1
                for j in 0..<columns where values[j] > -.infinity {
                    chosen = j
                    target -= Foundation.exp(values[j])
                    if target < 0 { break }
                }
                actions[row] = Int32(max(chosen, 0))
            }
        case .forced(let prescribed):
            precondition(step < prescribed.count && prescribed[step].count == rows, "forced actions for step \(step)")
            actions = prescribed[step]
        }
        return actions
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
