import RoutingCore
import Tensor

/// One layer of the graph attention encoder shared by the attention model and POMO:
/// `h ← norm(h + W_O·MHA(W_Q h, W_K h, W_V h))`, then `h ← norm(h + W₂·ReLU(W₁h + b₁) + b₂)`.
///
/// Query, key and value projections have no bias (both references); the attention output projection
/// has one in POMO (`multi_head_combine`) and none in Kool et al.'s model.
public struct EncoderLayer: Sendable {
    /// Attention heads.
    public let heads: Int
    public let query: Linear, key: Linear, value: Linear
    /// Output projection of the concatenated heads.
    public let output: Linear
    public let attentionNorm: Normalization
    public let hidden: Linear, feedForwardOutput: Linear
    public let feedForwardNorm: Normalization
    /// The matrix policy's `[2, H]` weights of the travel-cost channels in the attention scores (out-cost
    /// `c(i, j)` and in-cost `c(j, i)` of query `i` and key `j`); `nil` for coordinate policies.
    public let distanceBias: Parameter?

    /// A layer named `name` (`encoder.layers.0`).
    public init(name: String, width: Int, heads: Int, feedForward: Int, normalization: Normalization.Kind,
                outputBias: Bool, distanceBias: Bool = false, using rng: inout SeededGenerator) {
        self.heads = heads
        query = Linear(name: "\(name).attention.query", inputs: width, outputs: width, bias: false, using: &rng)
        key = Linear(name: "\(name).attention.key", inputs: width, outputs: width, bias: false, using: &rng)
        value = Linear(name: "\(name).attention.value", inputs: width, outputs: width, bias: false, using: &rng)
        output = Linear(name: "\(name).attention.output", inputs: width, outputs: width, bias: outputBias, using: &rng)
        attentionNorm = Normalization(kind: normalization, name: "\(name).norm1", channels: width)
        hidden = Linear(name: "\(name).feedForward.hidden", inputs: width, outputs: feedForward, using: &rng)
        feedForwardOutput = Linear(name: "\(name).feedForward.output", inputs: feedForward, outputs: width, using: &rng)
        feedForwardNorm = Normalization(kind: normalization, name: "\(name).norm2", channels: width)
        self.distanceBias = distanceBias
            ? Parameter(name: "\(name).attention.distanceBias", value: Self.initialDistanceBias(heads: heads)) : nil
    }

    /// Start values of ``distanceBias``: out-cost slopes `0, 0, −1, −2, −4, …` over the heads (as ALiBi's
    /// geometric slopes: some heads stay global, others look ever more locally), in-cost weights 0.
    static func initialDistanceBias(heads: Int) -> Tensor {
        let slopes = (0..<heads).map { h in h < 2 ? Float(0) : -Float(1 << min(h - 2, 20)) }
        return Tensor(slopes + [Float](repeating: 0, count: heads), shape: [2, heads])
    }

    /// All parameters in a fixed order.
    public var parameters: [Parameter] {
        query.parameters + key.parameters + value.parameters + output.parameters + attentionNorm.parameters
            + hidden.parameters + feedForwardOutput.parameters + feedForwardNorm.parameters + (distanceBias.map { [$0] } ?? [])
    }

    /// Running statistics of the batch-norm layers (empty for instance norm).
    public var statistics: [RunningStatistics] {
        [attentionNorm.statistics, feedForwardNorm.statistics].compactMap { $0 }
    }

    /// Applies the layer to `h` (`[B, n, d]`); `costs` are the matrix policy's `[out, in]` cost channels
    /// (`[B, n, n]` each), required when the layer has a ``distanceBias``.
    public func callAsFunction(_ h: Variable, on tape: Tape, training: Bool, costs: [Tensor] = []) -> Variable {
        let bias = distanceBias.map { weights -> AttentionBias in
            precondition(costs.count == 2, "a distance-biased encoder layer needs the out- and in-cost channels")
            return AttentionBias(channels: costs, weights: tape.parameter(weights))
        }
        let attended = tape.multiHeadAttention(query: query(h, on: tape), key: key(h, on: tape),
                                               value: value(h, on: tape), heads: heads, bias: bias)
        let mixed = attentionNorm(tape.add(h, output(attended, on: tape)), on: tape, training: training)
        let transformed = feedForwardOutput(hidden(mixed, on: tape, activation: .relu), on: tape)
        return feedForwardNorm(tape.add(mixed, transformed), on: tape, training: training)
    }
}
