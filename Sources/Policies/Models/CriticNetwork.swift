import RoutingCore
import Tensor

/// Bello et al.'s (2016) critic: predicts the expected tour length of the policy on an instance, the
/// REINFORCE baseline of the pointer network.
///
/// - Encoder: its own ``SequenceEncoder`` (embedding, LSTM over the nodes).
/// - Process block: ``processSteps`` glimpses; the query starts as the encoder's final hidden state, and
///   each step replaces it by `Σ_j a_j e_j` with `a = softmax(v·tanh(W_ref·e_j + W_q·query))` over all nodes.
/// - Decoder: `Linear(d→d)` + ReLU, `Linear(d→1)`: the predicted length.
///
/// Trained by mean squared error against the sampled tour lengths (``loss(_:costs:batchSize:on:)``);
/// its prediction enters the policy's loss as a constant, so no gradient flows from the policy into it.
/// Parameters start uniform in `±0.08` as the pointer network's.
public final class CriticNetwork: @unchecked Sendable {
    public let encoder: SequenceEncoder
    public let process: AdditiveAttention
    /// Glimpses of the process block (Bello: 3).
    public let processSteps: Int
    public let hidden: Linear
    public let output: Linear

    /// A freshly initialised critic of width `width`; parameter names start with `critic.`.
    public init(width: Int = 128, processSteps: Int = 3, seed: UInt64) {
        precondition(width >= 1 && processSteps >= 0, "critic: width \(width), process steps \(processSteps)")
        self.processSteps = processSteps
        var rng = SeededGenerator(seed: seed)
        encoder = SequenceEncoder(name: "critic.encoder", width: width, using: &rng)
        process = AdditiveAttention(name: "critic.process", width: width, using: &rng)
        hidden = Linear(name: "critic.decoder.hidden", inputs: width, outputs: width, using: &rng)
        output = Linear(name: "critic.decoder.output", inputs: width, outputs: 1, using: &rng)
        Initializer.uniform(bound: PointerNetwork.initialBound).initialize(parameters, using: &rng)
    }

    /// Every parameter in a fixed order.
    public var parameters: [Parameter] {
        encoder.parameters + process.parameters + hidden.parameters + output.parameters
    }

    /// Predicted tour length per instance, `[B]`.
    public func predict(_ batch: ProblemBatch, on tape: Tape) -> Variable {
        let rows = batch.count, n = batch.nodes, d = encoder.cell.units
        let encoded = encoder(batch.coordinates, on: tape)
        let keys = process.project(encoded.states, on: tape)
        var query = encoded.hidden
        for _ in 0..<processSteps {
            let attention = tape.softmax(process.scores(keys: keys, query: query, on: tape))
            query = tape.reshape(tape.batchedMatmul(tape.reshape(attention, [rows, 1, n]), encoded.states), [rows, d])
        }
        return tape.reshape(output(hidden(query, on: tape, activation: .relu), on: tape), [rows])
    }

    /// `Σ_rows (prediction − cost)² / batchSize`: this shard's share of the batch's mean squared error.
    public func loss(_ prediction: Variable, costs: [Float], batchSize: Int, on tape: Tape) -> Variable {
        let error = tape.subtract(prediction, tape.constant(Tensor(costs, shape: [costs.count])))
        return tape.scale(tape.sum(tape.multiply(error, error)), by: 1 / Float(batchSize))
    }
}
