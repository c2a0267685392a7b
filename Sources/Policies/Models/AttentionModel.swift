import RoutingCore
import Tensor

/// The attention model of Kool, van Hoof & Welling (ICLR 2019) for TSP and CVRP.
///
/// - Embedding: `Linear(2→d)` on coordinates (CVRP: the depot through its own `Linear(2→d)`, customers
///   through `Linear(3→d)` on `[x, y, demand/capacity]`).
/// - Encoder: ``GraphEncoder`` with batch norm, no attention-output bias.
/// - Decoder: graph mean embedding → `fixedContext`; node embeddings → glimpse keys/values and logit
///   keys in one `Linear(d→3d)` computed once per instance; per step a context (TSP: first and last
///   node, a learned placeholder on the first step; CVRP: last node and remaining capacity) projected
///   and added to the fixed context, one masked 8-head glimpse with an output projection, then
///   single-head logits `/√d`, clipped `10·tanh`, masked log-softmax (``AttentionModel+Decoding.swift``).
///
/// Initialisation as Kool's code effectively runs it (see `init`).
public final class AttentionModel: @unchecked Sendable {
    public let configuration: AttentionModelConfiguration
    /// TSP node embedding, or the CVRP customer embedding (`[x, y, demand/capacity]`).
    public let nodeEmbedding: Linear
    /// CVRP depot embedding.
    public let depotEmbedding: Linear?
    public let encoder: GraphEncoder
    /// Projection of the graph embedding (no bias).
    public let fixedContext: Linear
    /// Glimpse key, glimpse value and logit key of every node in one product (no bias).
    public let nodeProjection: Linear
    /// Projection of the step context (no bias).
    public let stepContext: Linear
    /// Learned `[first, last]` stand-in for the first TSP step, `[2d]`.
    public let placeholder: Parameter?
    /// Output projection of the glimpse heads (no bias).
    public let glimpseOutput: Linear

    /// A freshly initialised model.
    public init(configuration: AttentionModelConfiguration, seed: UInt64) {
        self.configuration = configuration
        var rng = SeededGenerator(seed: seed)
        let d = configuration.width
        let isRouting = configuration.problem == .cvrp
        nodeEmbedding = Linear(name: "embedding.node", inputs: isRouting ? 3 : 2, outputs: d, using: &rng)
        depotEmbedding = isRouting ? Linear(name: "embedding.depot", inputs: 2, outputs: d, using: &rng) : nil
        encoder = GraphEncoder(name: "encoder", count: configuration.layers, width: d, heads: configuration.heads,
                               feedForward: configuration.feedForward, normalization: .batch, outputBias: false,
                               using: &rng)
        fixedContext = Linear(name: "decoder.fixedContext", inputs: d, outputs: d, bias: false, using: &rng)
        nodeProjection = Linear(name: "decoder.nodeProjection", inputs: d, outputs: 3 * d, bias: false, using: &rng)
        stepContext = Linear(name: "decoder.stepContext", inputs: isRouting ? d + 1 : 2 * d, outputs: d, bias: false,
                             using: &rng)
        placeholder = isRouting ? nil : Parameter(name: "decoder.placeholder", value: Tensor(zeros: [2 * d]))
        glimpseOutput = Linear(name: "decoder.glimpseOutput", inputs: d, outputs: d, bias: false, using: &rng)
        // Kool's effective initialisation (what his code runs, not what its unused helpers suggest): every
        // nn.Linear keeps PyTorch's default U(±1/√fan-in) for weight and bias (``Linear``'s own), the
        // encoder's per-head Q/K/V tensors `[H, d, d/H]` get U(±1/√(d/H)) from MultiHeadAttention's
        // init_parameters (its output `[H, d/H, d]` U(±1/√d), the Linear default here), batch norm keeps
        // γ = 1, β = 0 (Normalization's init_parameters call is commented out) and the placeholder is
        // U(−1, 1). Starting every tensor, γ included, at U(±1/√last dimension) learned far slower.
        let headBound = 1 / Float(d / configuration.heads).squareRoot()
        for layer in encoder.layers {
            Initializer.uniform(bound: headBound).initialize([layer.query.weight, layer.key.weight, layer.value.weight],
                                                             using: &rng)
        }
        if let placeholder { Initializer.uniform(bound: 1).initialize([placeholder], using: &rng) }
    }

    /// Every parameter in a fixed order.
    public var parameters: [Parameter] {
        nodeEmbedding.parameters + (depotEmbedding?.parameters ?? []) + encoder.parameters + fixedContext.parameters
            + nodeProjection.parameters + stepContext.parameters + (placeholder.map { [$0] } ?? [])
            + glimpseOutput.parameters
    }

    /// Batch-norm running statistics in a fixed order.
    public var statistics: [RunningStatistics] { encoder.statistics }

    /// Copies every parameter value and running statistic from `other` (same configuration): the
    /// rollout baseline's snapshot of the policy.
    public func copyWeights(from other: AttentionModel) {
        precondition(other.configuration == configuration, "copyWeights: configurations differ")
        for (target, source) in zip(parameters, other.parameters) {
            target.value.pointer.update(from: source.value.pointer, count: source.value.count)
        }
        for (target, source) in zip(statistics, other.statistics) {
            target.mean.pointer.update(from: source.mean.pointer, count: source.channels)
            target.variance.pointer.update(from: source.variance.pointer, count: source.channels)
        }
    }

    /// Node embeddings `[B, n, d]` of a batch before the encoder.
    public func embed(_ batch: ProblemBatch, on tape: Tape) -> Variable {
        guard let depotEmbedding else {
            return nodeEmbedding(tape.constant(batch.coordinates), on: tape)
        }
        let (depots, customers) = Self.routingFeatures(batch)
        let depot = depotEmbedding(tape.constant(depots), on: tape)
        return tape.concat([depot, nodeEmbedding(tape.constant(customers), on: tape)], axis: 1)
    }

    /// Encoded node embeddings `[B, n, d]`.
    public func encode(_ batch: ProblemBatch, on tape: Tape, training: Bool) -> Variable {
        encoder(embed(batch, on: tape), on: tape, training: training)
    }

    /// CVRP inputs: depot coordinates `[B, 1, 2]` and customer features `[B, n−1, 3]`.
    static func routingFeatures(_ batch: ProblemBatch) -> (depots: Tensor, customers: Tensor) {
        let n = batch.nodes, b = batch.count
        let depots = Tensor(uninitializedShape: [b, 1, 2]), customers = Tensor(uninitializedShape: [b, n - 1, 3])
        let source = batch.coordinates.pointer, inverseCapacity = 1 / Float(batch.capacity)
        for instance in 0..<b {
            depots.pointer[instance * 2] = source[instance * n * 2]
            depots.pointer[instance * 2 + 1] = source[instance * n * 2 + 1]
            for node in 1..<n {
                let target = customers.pointer + (instance * (n - 1) + node - 1) * 3
                target[0] = source[(instance * n + node) * 2]
                target[1] = source[(instance * n + node) * 2 + 1]
                target[2] = Float(batch.demands[instance * n + node]) * inverseCapacity
            }
        }
        return (depots, customers)
    }
}
