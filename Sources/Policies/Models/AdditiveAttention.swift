import RoutingCore
import Tensor

/// Bahdanau-style additive attention as the pointer network uses it (Vinyals et al. 2015, Bello et al. 2016):
/// `u_j = v · tanh(W_ref·e_j + W_q·q)` for every reference vector `e_j` and a query `q`.
///
/// ``project(_:on:)`` computes `W_ref·e` once per batch (one large product); ``scores(keys:query:on:)``
/// then costs one `[B, d]` product for `W_q·q` plus one fused op (``fusedScores(keys:query:vector:on:)``)
/// that adds, applies `tanh` and reduces against `v` in a single pass, keeping the `tanh` values for the
/// backward pass instead of three separate `[B, n, d]` tape ops.
public struct AdditiveAttention: Sendable {
    /// `W_ref` (no bias).
    public let reference: Linear
    /// `W_q` (no bias).
    public let query: Linear
    /// `v`, `[d]`.
    public let vector: Parameter

    /// A layer named `name` (`name.reference.weight`, `name.query.weight`, `name.vector`) of width `width`.
    public init(name: String, width: Int, using rng: inout SeededGenerator) {
        reference = Linear(name: "\(name).reference", inputs: width, outputs: width, bias: false, using: &rng)
        query = Linear(name: "\(name).query", inputs: width, outputs: width, bias: false, using: &rng)
        vector = Parameter(name: "\(name).vector", value: .uniform([width], bound: 1 / Float(width).squareRoot(),
                                                                    using: &rng))
    }

    /// The layer's parameters.
    public var parameters: [Parameter] { reference.parameters + query.parameters + [vector] }

    /// `W_ref·e` for reference vectors `[B, n, d]`.
    public func project(_ states: Variable, on tape: Tape) -> Variable { reference(states, on: tape) }

    /// Scores `[B, n]` of projected keys `[B, n, d]` (from ``project(_:on:)``) against queries `[B, d]`.
    public func scores(keys: Variable, query q: Variable, on tape: Tape) -> Variable {
        Self.fusedScores(keys: keys, query: query(q, on: tape), vector: tape.parameter(vector), on: tape)
    }

    /// `out[b, j] = Σ_k v[k]·tanh(keys[b, j, k] + query[b, k])` as one tape op: `keys` `[B, n, d]`, `query`
    /// `[B, d]`, `vector` `[d]`. Backward: with `t = tanh(…)` saved and `δ = dy[b, j]·v[k]·(1 − t²)`,
    /// `dkeys[b, j, k] = δ`, `dquery[b, k] = Σ_j δ`, `dv[k] = Σ_{b, j} dy[b, j]·t`.
    public static func fusedScores(keys: Variable, query: Variable, vector: Variable, on tape: Tape) -> Variable {
        let batch = keys.shape[0], n = keys.shape[1], d = keys.shape[2]
        precondition(keys.shape.count == 3 && query.shape == [batch, d] && vector.shape == [d],
                     "additive attention: keys \(keys.shape), query \(query.shape), vector \(vector.shape)")
        let activations = Tensor(uninitializedShape: [batch, n, d]), output = Tensor(uninitializedShape: [batch, n])
        let t = activations.pointer, k = keys.value.pointer, q = query.value.pointer, v = vector.value.pointer
        for b in 0..<batch {
            let queryRow = q + b * d
            for j in 0..<n {
                let row = (b * n + j) * d
                for c in 0..<d { t[row + c] = k[row + c] + queryRow[c] }
            }
        }
        VectorMath.scaledTanh(t, t, count: batch * n * d, scale: 1)
        let out = output.pointer
        for row in 0..<(batch * n) {
            let values = t + row * d
            var sum: Float = 0
            for c in 0..<d { sum += values[c] * v[c] }
            out[row] = sum
        }
        return tape.custom(output, inputs: [keys, query, vector]) { dy, gradients in
            let t = activations.pointer, v = vector.value.pointer  // keeps the saved activations alive
            let dKeys = gradients[0], dQuery = gradients[1], dVector = gradients[2]
            for b in 0..<batch {
                for j in 0..<n {
                    let g = dy[b * n + j], row = (b * n + j) * d, values = t + row
                    guard g != 0 else { continue }
                    for c in 0..<d {
                        let delta = g * v[c] * (1 - values[c] * values[c])
                        dKeys?[row + c] += delta
                        dQuery?[b * d + c] += delta
                        dVector?[c] += g * values[c]
                    }
                }
            }
        }
    }
}
