import RoutingCore
import Tensor

/// The pointer network of Vinyals, Fortunato & Jaitly (2015) as Bello et al. (2016) train it with RL, for TSP.
///
/// - Encoder (``SequenceEncoder``): `Linear(2→d)` embedding of the coordinates, an LSTM over the nodes in
///   input order; its outputs `e_j` are the reference vectors.
/// - Decoder: an LSTM started from the encoder's final state; its first input is the learned
///   ``decoderStart`` vector, later inputs the embedding of the node chosen last.
/// - Each step: one glimpse (``glimpse``: additive attention of the decoder state over `e`, softmax over
///   the unvisited nodes, `Σ_j a_j e_j` becomes the query), then the pointer
///   (``pointer``: `u_j = v·tanh(W_ref·e_j + W_q·query)`), logits clipped `C·tanh(u)` with `C = 10` (Bello's
///   logit clipping), masked log-softmax over the unvisited nodes
///   (``rollout(_:on:strategy:using:keepStepLogProbabilities:)`` in `PointerNetwork+Decoding.swift`).
///
/// Every parameter starts uniform in `±0.08`, as in Bello et al.
public final class PointerNetwork: @unchecked Sendable {
    /// Embedding and LSTM width `d` (Bello: 128).
    public let width: Int
    /// Logit clipping `C` in `C·tanh(u)`.
    public let clip: Float
    public let encoder: SequenceEncoder
    /// The decoder LSTM.
    public let decoder: LSTMCell
    /// The decoder's first input, `[d]`.
    public let decoderStart: Parameter
    /// Attention producing the glimpse (the pointer's query).
    public let glimpse: AdditiveAttention
    /// Attention whose scores are the logits.
    public let pointer: AdditiveAttention

    /// Bello et al.'s initialisation bound.
    public static let initialBound: Float = 0.08

    /// A freshly initialised network of width `width`.
    public init(width: Int = 128, clip: Float = 10, seed: UInt64) {
        precondition(width >= 1 && clip > 0, "pointer network: width \(width), clip \(clip)")
        self.width = width
        self.clip = clip
        var rng = SeededGenerator(seed: seed)
        encoder = SequenceEncoder(name: "encoder", width: width, using: &rng)
        decoder = LSTMCell(name: "decoder.lstm", inputs: width, units: width, using: &rng)
        decoderStart = Parameter(name: "decoder.start", value: Tensor(zeros: [width]))
        glimpse = AdditiveAttention(name: "decoder.glimpse", width: width, using: &rng)
        pointer = AdditiveAttention(name: "decoder.pointer", width: width, using: &rng)
        Initializer.uniform(bound: Self.initialBound).initialize(parameters, using: &rng)
    }

    /// Every parameter in a fixed order.
    public var parameters: [Parameter] {
        encoder.parameters + decoder.parameters + [decoderStart] + glimpse.parameters + pointer.parameters
    }
}
