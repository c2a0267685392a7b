import Foundation
import RoutingCore
import Tensor

/// POMO (Kwon et al., NeurIPS 2020; the 2021 reference code) for TSP and CVRP.
///
/// - Embedding: TSP `Linear(2→d)` on coordinates; CVRP the depot through `Linear(2→d)`, customers through
///   `Linear(3→d)` on `[x, y, demand/capacity]`. Encoder of 6 ``EncoderLayer``s with instance norm and a
///   biased attention output projection (`multi_head_combine`).
/// - Decoder, TSP: N = n rollouts per instance, rollout `i` starting at node `i`; the query is
///   `W_q,first·h_first + W_q,last·h_last` (no graph embedding). CVRP: N = n − 1 rollouts, rollout `i`
///   going first to customer `i + 1`; the query is `W_q,last·[h_last, remaining capacity/capacity]`.
///   Then multi-head attention over the nodes with the rollout's mask, `multi_head_combine`, single-head
///   logits `h·Eᵀ/√d` clipped `10·tanh`, masked log-softmax.
/// - Decoding runs as ``TableDecoding`` on ``DecoderTables`` (`POMOModel+Tables.swift`); TSP beyond
///   ``fusedDecodingLimit`` nodes decodes step by step on the tape.
///
/// - Matrix policy (problem `.atsp` / `.acvrp`, real road costs; batches with ``ProblemBatch/travel``): the
///   same network reads the instance's ``MatrixEmbedding`` pseudo-coordinates, and the decoder adds
///   `−α·c(ℓ, j)` to the clipped logit of every candidate `j` (`c` the batch's travel cost from the current
///   node `ℓ`, asymmetric; `α` = ``distanceWeight``, learned, starting at ``initialDistanceWeight``), so the
///   direction-dependent road costs act on every choice (the `lastLogits` table of ``DecoderTables``); every
///   encoder layer adds per-head weighted out- and in-costs to its attention scores (``AttentionBias``).
///
/// Parameters start as PyTorch's defaults (uniform `±1/√fan-in`; norms γ = 1, β = 0).
public final class POMOModel: @unchecked Sendable {
    public let problem: ProblemKind
    public let width: Int
    public let heads: Int
    public let clip: Float
    /// TSP node embedding, or the CVRP customer embedding.
    public let embedding: Linear
    /// CVRP depot embedding.
    public let depotEmbedding: Linear?
    public let encoder: GraphEncoder
    /// First-node query projection (TSP only).
    public let queryFirst: Linear?
    /// Last-node query projection (CVRP: of `[h_last, remaining capacity fraction]`).
    public let queryLast: Linear
    public let key: Linear, value: Linear
    /// `multi_head_combine` of the decoder.
    public let combine: Linear
    /// The matrix policy's weight `α` of the travel-cost logit term (`[1]`), `nil` for coordinate policies.
    public let distanceWeight: Parameter?

    /// `α` of a new matrix policy: a cost difference of 0.1 (a tenth of the unit square's side) shifts a logit
    /// by 1.
    public static let initialDistanceWeight: Float = 10

    /// The routing the network decodes: `.tsp` tours (TSP, ATSP) or `.cvrp` routes (CVRP, ACVRP).
    public var routing: ProblemKind { problem.isVehicleRouting ? .cvrp : .tsp }

    /// A freshly initialised model (d = 128, 6 layers, 8 heads, feed-forward 512 by default).
    public init(problem: ProblemKind = .tsp, width: Int = 128, layers: Int = 6, heads: Int = 8, feedForward: Int = 512,
                clip: Float = 10, seed: UInt64) {
        self.problem = problem
        self.width = width
        self.heads = heads
        self.clip = clip
        let routing = problem.isVehicleRouting
        var rng = SeededGenerator(seed: seed)
        embedding = Linear(name: "embedding", inputs: routing ? 3 : 2, outputs: width, using: &rng)
        depotEmbedding = routing ? Linear(name: "embedding.depot", inputs: 2, outputs: width, using: &rng) : nil
        encoder = GraphEncoder(name: "encoder", count: layers, width: width, heads: heads, feedForward: feedForward,
                               normalization: .instance, outputBias: true, distanceBias: problem.isAsymmetric, using: &rng)
        queryFirst = routing ? nil : Linear(name: "decoder.queryFirst", inputs: width, outputs: width, bias: false, using: &rng)
        queryLast = Linear(name: "decoder.queryLast", inputs: routing ? width + 1 : width, outputs: width, bias: false,
                           using: &rng)
        key = Linear(name: "decoder.key", inputs: width, outputs: width, bias: false, using: &rng)
        value = Linear(name: "decoder.value", inputs: width, outputs: width, bias: false, using: &rng)
        combine = Linear(name: "decoder.combine", inputs: width, outputs: width, using: &rng)
        distanceWeight = problem.isAsymmetric
            ? Parameter(name: "decoder.distanceWeight", value: Tensor(repeating: Self.initialDistanceWeight, shape: [1])) : nil
    }

    /// The matrix policy's cost weights: every encoder layer's per-head distance biases and the decoder's
    /// ``distanceWeight`` (empty for a coordinate policy). They live on another scale than the other weights, so
    /// training gives them a larger learning rate (``TrainingConfiguration/costWeightLearningRateScale``).
    public var costWeights: [Parameter] {
        encoder.layers.compactMap(\.distanceBias) + (distanceWeight.map { [$0] } ?? [])
    }

    /// Every parameter in a fixed order.
    public var parameters: [Parameter] {
        embedding.parameters + (depotEmbedding?.parameters ?? []) + encoder.parameters + (queryFirst?.parameters ?? [])
            + queryLast.parameters + key.parameters + value.parameters + combine.parameters + (distanceWeight.map { [$0] } ?? [])
    }

    /// Rollouts per instance of `nodes` nodes: one per start node (TSP) or first customer (CVRP).
    public func rolloutsPerInstance(nodes: Int) -> Int { routing == .tsp ? nodes : nodes - 1 }

    /// Encoded node embeddings `[B, n, d]`.
    public func encode(_ batch: ProblemBatch, on tape: Tape) -> Variable {
        let costs = problem.isAsymmetric ? Self.costChannels(batch) : []
        guard let depotEmbedding else {
            return encoder(embedding(tape.constant(batch.coordinates), on: tape), on: tape, training: true, costs: costs)
        }
        let (depots, customers) = AttentionModel.routingFeatures(batch)
        let embedded = tape.concat([depotEmbedding(tape.constant(depots), on: tape),
                                    embedding(tape.constant(customers), on: tape)], axis: 1)
        return encoder(embedded, on: tape, training: true, costs: costs)
    }

    /// The matrix policy's encoder channels: out-costs `c(i, j)` and in-costs `c(j, i)` of query `i`, key `j`.
    static func costChannels(_ batch: ProblemBatch) -> [Tensor] {
        guard let travel = batch.travel else { preconditionFailure("the matrix policy needs a matrix batch") }
        let n = batch.nodes, incoming = Tensor(uninitializedShape: travel.shape)
        for b in 0..<batch.count {
            let source = travel.pointer + b * n * n, target = incoming.pointer + b * n * n
            for i in 0..<n {
                for j in 0..<n { target[i * n + j] = source[j * n + i] }
            }
        }
        return [travel, incoming]
    }

    /// Decodes one rollout per start (TSP: rollout `i` starts at node `i`; CVRP: rollout `i` goes first to
    /// customer `i + 1`); the forced first move has probability 1 and adds nothing to the log-probability
    /// sum. Rows are instance-major (`row = instance·N + i`); `.forced` actions start after the forced move.
    public func rollout(_ batch: ProblemBatch, on tape: Tape, strategy: DecodeStrategy,
                        using rng: inout SeededGenerator, keepStepLogProbabilities: Bool = false) -> Rollout {
        precondition(batch.problem == problem, "a \(problem) POMO model cannot decode \(batch.problem)")
        let embeddings = encode(batch, on: tape)
        let n = batch.nodes, rollouts = rolloutsPerInstance(nodes: n)
        if routing == .cvrp || batch.isMatrix || n <= Self.fusedDecodingLimit {
            let tables = decoderTables(embeddings, travel: batch.travel, on: tape)
            let decoded: TableDecoding.Output
            let environment: any DecodingEnvironment
            if routing == .tsp {
                decoded = TableDecoding.run(tables, state: TSPTableState(rows: n, nodes: n), clip: clip,
                                            forcedStart: { $0 }, strategy: strategy, on: tape, using: &rng,
                                            keepStepLogProbabilities: keepStepLogProbabilities)
                environment = TSPEnvironment(batch: batch, rolloutsPerInstance: rollouts)
            } else {
                decoded = TableDecoding.run(tables, state: CVRPTableState(batch: batch, rows: rollouts), clip: clip,
                                            forcedStart: { $0 + 1 }, strategy: strategy, on: tape, using: &rng,
                                            keepStepLogProbabilities: keepStepLogProbabilities)
                environment = CVRPEnvironment(batch: batch, rolloutsPerInstance: rollouts)
            }
            for actions in decoded.actions { environment.step(actions) }
            let sum = decoded.logProbabilitySum
            return Rollout(costs: environment.lengths, logProbabilitySum: sum.requiresGradient ? sum : nil,
                           stepLogProbabilities: decoded.stepLogProbabilities, scoredLogProbabilities: nil,
                           environment: environment)
        }
        return stepwiseRollout(batch, embeddings: embeddings, on: tape, strategy: strategy, using: &rng,
                               keepStepLogProbabilities: keepStepLogProbabilities)
    }

    /// Largest TSP instance decoded with ``TableDecoding`` (its folded `[H·n, n]` value table makes a
    /// step cost `N·H·n²` multiply-adds; from about 64 nodes the step-by-step tape path, `N·n·2d` plus the
    /// combine projection, is cheaper). CVRP always decodes with tables.
    static let fusedDecodingLimit = 64

    /// The same rollouts with every step recorded on the tape as separate ops (projected query, attention,
    /// combine, logits): the path for large instances and the reference the fused decoding is tested against.
    func stepwiseRollout(_ batch: ProblemBatch, embeddings: Variable, on tape: Tape, strategy: DecodeStrategy,
                         using rng: inout SeededGenerator, keepStepLogProbabilities: Bool) -> Rollout {
        let n = batch.nodes, b = batch.count, rows = b * n
        let keys = key(embeddings, on: tape), values = value(embeddings, on: tape)
        let firstQuery = queryFirst!(embeddings, on: tape)
        let lastQueries = queryLast(embeddings, on: tape)
        let environment = TSPEnvironment(batch: batch, rolloutsPerInstance: n)
        environment.step((0..<rows).map { Int32($0 % n) })
        // Each step is recorded as it is decoded (its N·n-row products are already large, so batching the
        // steps afterwards, as the attention model does, would only add a pass).
        var steps = [Tensor](), chosen = [Variable]()
        var step = 0
        while !environment.isFinished {
            let mask = environment.mask.copy()
            let last = tape.gather(lastQueries, axis: 1, indices: environment.current)
            let logProbabilities = tape.reshape(logProbabilities(query: tape.add(firstQuery, last), keys: keys,
                                                                 values: values, embeddings: embeddings, mask: mask,
                                                                 on: tape), [rows, n])
            let actions = strategy.select(logProbabilities.value, rows: rows, columns: n, step: step, using: &rng)
            if keepStepLogProbabilities { steps.append(logProbabilities.value) }
            if logProbabilities.requiresGradient { chosen.append(tape.gather(logProbabilities, axis: 1, indices: actions)) }
            environment.step(actions)
            step += 1
        }
        let sum = chosen.isEmpty ? nil : tape.sum(tape.concat(chosen, axis: 1), axis: 1)
        return Rollout(costs: environment.lengths, logProbabilitySum: sum, stepLogProbabilities: steps,
                       scoredLogProbabilities: nil, environment: environment)
    }

    /// Masked log-probabilities `[B, q, n]` for queries `[B, q, d]`: multi-head attention over the nodes,
    /// `multi_head_combine`, single-head logits `/√d` clipped `clip·tanh`.
    private func logProbabilities(query: Variable, keys: Variable, values: Variable, embeddings: Variable, mask: Mask,
                                  on tape: Tape) -> Variable {
        let attended = tape.multiHeadAttention(query: query, key: keys, value: values, heads: heads, mask: mask)
        let scores = tape.batchedMatmul(combine(attended, on: tape), embeddings, transposeB: true)
        let logits = tape.tanh(tape.scale(scores, by: 1 / Float(width).squareRoot()), scale: clip)
        return tape.logSoftmax(logits, mask: mask)
    }
}
