import RoutingCore
import Tensor

/// A stack of ``EncoderLayer``s over node embeddings `[B, n, d]`.
public struct GraphEncoder: Sendable {
    /// The layers, input first.
    public let layers: [EncoderLayer]

    /// `count` layers named `name.layers.i`.
    public init(name: String, count: Int, width: Int, heads: Int, feedForward: Int,
                normalization: Normalization.Kind, outputBias: Bool, distanceBias: Bool = false,
                using rng: inout SeededGenerator) {
        layers = (0..<count).map { index in
            EncoderLayer(name: "\(name).layers.\(index)", width: width, heads: heads, feedForward: feedForward,
                         normalization: normalization, outputBias: outputBias, distanceBias: distanceBias, using: &rng)
        }
    }

    /// All parameters, layer by layer.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// All batch-norm running statistics, layer by layer.
    public var statistics: [RunningStatistics] { layers.flatMap(\.statistics) }

    /// Runs every layer on `h` (with the matrix policy's cost channels, see ``EncoderLayer``).
    public func callAsFunction(_ h: Variable, on tape: Tape, training: Bool, costs: [Tensor] = []) -> Variable {
        layers.reduce(h) { $1($0, on: tape, training: training, costs: costs) }
    }
}
