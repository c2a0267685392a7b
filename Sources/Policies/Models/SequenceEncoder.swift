import RoutingCore
import Tensor

/// The pointer network's (and its critic's) encoder: a linear embedding of the coordinates, then an LSTM
/// that reads the nodes in input order (Vinyals et al. 2015; Bello et al. 2016).
public struct SequenceEncoder: Sendable {
    /// `Linear(2→d)` on `(x, y)`.
    public let embedding: Linear
    /// The LSTM over the embedded nodes.
    public let cell: LSTMCell

    /// What encoding a batch gives.
    public struct Output {
        /// Embedded nodes `[B, n, d]` (the decoder's inputs).
        public let embedded: Variable
        /// LSTM outputs `[B, n, d]` (the attention's reference vectors).
        public let states: Variable
        /// Final hidden and cell state `[B, d]` each.
        public let hidden: Variable, cell: Variable
    }

    /// An encoder of width `width` with parameters `name.embedding.*` and `name.lstm.*`.
    public init(name: String, width: Int, using rng: inout SeededGenerator) {
        embedding = Linear(name: "\(name).embedding", inputs: 2, outputs: width, using: &rng)
        cell = LSTMCell(name: "\(name).lstm", inputs: width, units: width, using: &rng)
    }

    /// The encoder's parameters.
    public var parameters: [Parameter] { embedding.parameters + cell.parameters }

    /// Encodes coordinates `[B, n, 2]`: one batched embedding product, then `n` LSTM steps over all instances.
    public func callAsFunction(_ coordinates: Tensor, on tape: Tape) -> Output {
        let batch = coordinates.shape[0], n = coordinates.shape[1], d = cell.units
        let embedded = embedding(tape.constant(coordinates), on: tape)
        var hidden = tape.constant(Tensor(zeros: [batch, d])), state = tape.constant(Tensor(zeros: [batch, d]))
        var outputs: [Variable] = []
        outputs.reserveCapacity(n)
        for node in 0..<n {
            let input = tape.reshape(tape.indexSelect(embedded, axis: 1, indices: [Int32(node)]), [batch, d])
            (hidden, state) = cell(input, hidden: hidden, cell: state, on: tape)
            outputs.append(tape.reshape(hidden, [batch, 1, d]))
        }
        return Output(embedded: embedded, states: tape.concat(outputs, axis: 1), hidden: hidden, cell: state)
    }
}
