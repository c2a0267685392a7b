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

    /// A layer named `name` (`encoder.layers.0`).
    public init(name: String, width: Int, heads: Int, feedForward: Int, normalization: Normalization.Kind,
                outputBias: Bool, using rng: inout SeededGenerator) {
        self.heads = heads
        query = Linear(name: "\(name).attention.query", inputs: width, outputs: width, bias: false, using: &rng)
        key = Linear(name: "\(name).attention.key", inputs: width, outputs: width, bias: false, using: &rng)
        value = Linear(name: "\(name).attention.value", inputs: width, outputs: width, bias: false, using: &rng)
        output = Linear(name: "\(name).attention.output", inputs: width, outputs: width, bias: outputBias, using: &rng)
        attentionNorm = Normalization(kind: normalization, name: "\(name).norm1", channels: width)
        hidden = Linear(name: "\(name).feedForward.hidden", inputs: width, outputs: feedForward, using: &rng)
        feedForwardOutput = Linear(name: "\(name).feedForward.output", inputs: feedForward, outputs: width, using: &rng)
        feedForwardNorm = Normalization(kind: normalization, name: "\(name).norm2", channels: width)
    }

    /// All parameters in a fixed order.
    public var parameters: [Parameter] {
        query.parameters + key.parameters + value.parameters + output.parameters + attentionNorm.parameters
            + hidden.parameters + feedForwardOutput.parameters + feedForwardNorm.parameters
    }

    /// Running statistics of the batch-norm layers (empty for instance norm).
    public var statistics: [RunningStatistics] {
        [attentionNorm.statistics, feedForwardNorm.statistics].compactMap { $0 }
    }

    /// Applies the layer to `h` (`[B, n, d]`).
    public func callAsFunction(_ h: Variable, on tape: Tape, training: Bool) -> Variable {
        let attended = tape.multiHeadAttention(query: query(h, on: tape), key: key(h, on: tape),
                                               value: value(h, on: tape), heads: heads)
        let mixed = attentionNorm(tape.add(h, output(attended, on: tape)), on: tape, training: training)
        let transformed = feedForwardOutput(hidden(mixed, on: tape, activation: .relu), on: tape)
        return feedForwardNorm(tape.add(mixed, transformed), on: tape, training: training)
    }
}
