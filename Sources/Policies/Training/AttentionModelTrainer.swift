import RoutingCore
import Tensor

/// REINFORCE with a greedy-rollout baseline for the ``AttentionModel`` (Kool et al.).
///
/// One ``step(_:)``: on every shard of a ``ShardGroup`` (batch halves on two threads), the baseline copy
/// decodes greedily without recording (batch norm in evaluation mode), the policy samples one solution per
/// instance (decoded without recording, then all steps scored in one batched differentiable pass; see
/// `AttentionModel+TeacherForcing.swift`), and the loss `mean((cost − baseline)·Σ log p)` is
/// back-propagated. Then the
/// gradients are clipped to norm 1 and Adam (lr 1e-4) updates the policy.
///
/// The baseline network is a weight copy taken when the trainer is made (``refreshBaseline()`` takes a new
/// one; the paired t-test that decides when is the training loop's business, see ``RolloutBaseline``).
/// While ``exponentialBaseline`` is set, steps use that moving average instead of the greedy rollout
/// (the exponential baseline, or the rollout baseline's warm-up epoch).
public final class AttentionModelTrainer {
    public let model: AttentionModel
    public let baseline: AttentionModel
    public let optimizer: Adam
    public let group: ShardGroup
    /// Gradient-norm clipping threshold.
    public var maximumGradientNorm: Float = 1
    /// How the policy decodes during training: `.sample` for REINFORCE; `.greedy` makes a step independent
    /// of random draws (and of the shard count), which tests use.
    public var decodeStrategy = DecodeStrategy.sample
    /// When set, each step's baseline is this moving average of batch mean costs (updated by the step)
    /// instead of the greedy rollout of ``baseline``.
    public var exponentialBaseline: ExponentialBaseline?
    /// The stream the per-step shard seeds are drawn from (saved in checkpoints for exact resumption).
    public var rng: SeededGenerator
    /// Fused greedy decoders of the baseline network, one per shard (TSP only; made at the first step).
    private var baselineDecoders: [GreedyTSPDecoder] = []

    /// A trainer over `shards` threads.
    public init(model: AttentionModel, shards: Int = 2, learningRate: Double = 1e-4, seed: UInt64) {
        self.model = model
        baseline = AttentionModel(configuration: model.configuration, seed: seed)
        baseline.copyWeights(from: model)
        optimizer = Adam(parameters: model.parameters, configuration: .init(learningRate: learningRate))
        group = ShardGroup(shards: shards)
        rng = SeededGenerator(seed: seed)
    }

    /// Replaces the baseline's weights by the policy's.
    public func refreshBaseline() { baseline.copyWeights(from: model) }

    /// One REINFORCE update on `batch`.
    @discardableResult
    public func step(_ batch: ProblemBatch) -> TrainingStepReport {
        let parameters = model.parameters
        for parameter in parameters { parameter.zeroGradient() }
        let movingAverage = exponentialBaseline
        if movingAverage == nil && usesFusedBaseline(nodes: batch.nodes)
            && (baselineDecoders.first?.capacity ?? 0) < batch.nodes {
            baselineDecoders = (0..<group.shardCount).map { _ in GreedyTSPDecoder(model: baseline, nodes: batch.nodes) }
        }
        let seeds = (0..<group.shardCount).map { _ in rng.next() }
        let total = batch.count
        let results = group.run { context -> (loss: Float, cost: Float, baseline: Float, batchMean: Float) in
            let part = batch.slice(context.range(of: total))
            var shardRNG = SeededGenerator(seed: seeds[context.index])
            let tape = context.tape
            let reference: [Float], sampled: Rollout, batchMean: Float
            if let movingAverage {
                sampled = model.rollout(part, on: tape, training: true, strategy: decodeStrategy, using: &shardRNG)
                batchMean = Self.batchMean(sampled.costs, total: total, communicator: context.communicator)
                reference = Array(repeating: movingAverage.value(afterBatchMean: batchMean), count: part.count)
            } else {
                reference = baselineCosts(part, shard: context.index, on: tape, using: &shardRNG)
                sampled = model.rollout(part, on: tape, training: true, strategy: decodeStrategy, using: &shardRNG)
                batchMean = .nan
            }
            let loss = Self.reinforceLoss(sampled, baseline: reference, batchSize: total, on: tape)
            tape.backward(loss)
            return (loss.value.scalars[0], sampled.costs.reduce(0, +), reference.reduce(0, +), batchMean)
        }
        let norm = GradientClipping.clipGlobalNorm(parameters, maxNorm: maximumGradientNorm)
        if norm.isFinite {
            optimizer.update()
            exponentialBaseline?.update(batchMean: results[0].batchMean)
        }
        return TrainingStepReport(loss: results.map(\.loss).reduce(0, +),
                                  meanCost: results.map(\.cost).reduce(0, +) / Float(total),
                                  meanBaseline: results.map(\.baseline).reduce(0, +) / Float(total),
                                  gradientNorm: norm)
    }

    /// The greedy-rollout baseline's costs for one shard's instances (evaluation-mode batch norm, no
    /// recording). TSP from 50 nodes encodes on the tape and decodes each instance with the fused
    /// ``GreedyTSPDecoder`` (same tours, verified against the tape path, without streaming the whole
    /// batch's keys through memory at every step); otherwise the tape decodes the batch step by step.
    private func baselineCosts(_ part: ProblemBatch, shard: Int, on tape: Tape,
                               using rng: inout SeededGenerator) -> [Float] {
        guard usesFusedBaseline(nodes: part.nodes) else {
            return tape.withoutRecording {
                baseline.rollout(part, on: tape, training: false, strategy: .greedy, using: &rng).costs
            }
        }
        let n = part.nodes, d = baseline.configuration.width
        let embeddings = tape.withoutRecording { baseline.encode(part, on: tape, training: false).value }
        return (0..<part.count).map { instance in
            let tour = baselineDecoders[shard].decode(embeddings: embeddings.pointer + instance * n * d, nodes: n).tour
            return part.tourLength(tour, instance: instance)
        }
    }

    /// The mean of the whole batch's costs from one shard's `costs` (summed across shards in shard order,
    /// so every shard gets the same number).
    static func batchMean(_ costs: [Float], total: Int, communicator: ShardCommunicator) -> Float {
        var sum = [costs.reduce(0.0) { $0 + Double($1) }]
        sum.withUnsafeMutableBufferPointer { communicator.allReduce($0) }
        return Float(sum[0] / Double(total))
    }

    /// Whether the baseline decodes TSP instance by instance with the fused decoder: from 50 nodes on,
    /// where the batch's keys no longer fit in cache (with `perf`, TSP100 steps got faster; at 20 nodes
    /// no gain was measurable, so the tape keeps decoding those step by step).
    func usesFusedBaseline(nodes: Int) -> Bool { model.configuration.problem == .tsp && nodes >= 50 }

    /// `Σ_rows (cost − baseline)·Σ log p / batchSize` (this shard's share of the batch mean).
    static func reinforceLoss(_ rollout: Rollout, baseline: [Float], batchSize: Int, on tape: Tape) -> Variable {
        let advantages = zip(rollout.costs, baseline).map { ($0 - $1) / Float(batchSize) }
        let weights = tape.constant(Tensor(advantages, shape: [advantages.count]))
        return tape.sum(tape.multiply(rollout.logProbabilitySum!, weights))
    }
}
