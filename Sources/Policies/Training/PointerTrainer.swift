import RoutingCore
import Tensor

/// REINFORCE for the ``PointerNetwork`` as Bello et al. (2016) train it: with a learned ``CriticNetwork``
/// baseline (actor-critic) or with an ``ExponentialBaseline``.
///
/// One ``step(_:)``: on every shard of a ``ShardGroup`` (batch halves on two threads) the policy samples one
/// tour per instance with every decoding step on the tape; the critic predicts each instance's length; the
/// policy loss `mean((cost − prediction)·Σ log p)` (prediction as a constant) and the critic's loss
/// `mean((prediction − cost)²)` are back-propagated together (they share no parameters). Each network's
/// gradients are then clipped to global norm 1 (Bello: "clipped the L2 norm of our gradients to 1.0"), and
/// Adam (lr 1e-3, Bello) updates both.
///
/// Before the first update the critic's output bias is set to the first batch's mean sampled cost (a
/// data-dependent initialisation): a critic starting near 0 needs tens of steps to reach the scale of tour
/// lengths, and meanwhile every advantage is about the whole tour length, so the policy's first (clipped,
/// full-size) steps are pure noise; on TSP10 that stalled learning for the whole of a 120-step run.
///
/// Why one ``Adam`` over both parameter sets: Adam's update is element-wise per parameter, and the two
/// networks always step together with the same hyper-parameters, so one optimiser over the union computes
/// exactly what two separate ones would; it lets the critic's moments live in the same checkpoint as the
/// policy's, which keeps `--resume` bit-exact without a second optimiser state format.
public final class PointerTrainer {
    public let model: PointerNetwork
    /// The learned baseline; `nil` with the exponential baseline.
    public let critic: CriticNetwork?
    /// Adam over the policy's parameters, then the critic's.
    public let optimizer: Adam
    public let group: ShardGroup
    /// Gradient-norm clipping threshold, applied to the policy and the critic separately.
    public var maximumGradientNorm: Float = 1
    /// `.sample` for REINFORCE; `.greedy` makes a step independent of random draws (tests).
    public var decodeStrategy = DecodeStrategy.sample
    /// Without a critic, the moving average every step uses as its baseline (set before stepping).
    public var exponentialBaseline: ExponentialBaseline?
    /// The stream the per-step shard seeds are drawn from (saved in checkpoints for exact resumption).
    public var rng: SeededGenerator

    /// A trainer over `shards` threads; the critic (when given) is trained beside the policy.
    public init(model: PointerNetwork, critic: CriticNetwork?, shards: Int = 2, learningRate: Double = 1e-3,
                seed: UInt64) {
        self.model = model
        self.critic = critic
        optimizer = Adam(parameters: model.parameters + (critic?.parameters ?? []),
                         configuration: .init(learningRate: learningRate))
        group = ShardGroup(shards: shards)
        rng = SeededGenerator(seed: seed)
    }

    /// One update on `batch`. The reported gradient norm is the larger of the two networks' norms before
    /// clipping (non-finite when either is; then nothing is updated).
    @discardableResult
    public func step(_ batch: ProblemBatch) -> TrainingStepReport {
        optimizer.zeroGradients()
        precondition(critic != nil || exponentialBaseline != nil, "PointerTrainer needs a critic or a moving average")
        let movingAverage = exponentialBaseline
        let seeds = (0..<group.shardCount).map { _ in rng.next() }
        let total = batch.count
        let results = group.run { context -> (loss: Float, cost: Float, baseline: Float, batchMean: Float) in
            let part = batch.slice(context.range(of: total))
            var shardRNG = SeededGenerator(seed: seeds[context.index])
            let tape = context.tape
            let sampled = model.rollout(part, on: tape, strategy: decodeStrategy, using: &shardRNG)
            let reference: [Float], batchMean: Float
            var criticLoss: Variable?
            if let critic {
                if optimizer.step == 0 { Self.centre(critic, on: sampled.costs, total: total, context: context) }
                let prediction = critic.predict(part, on: tape)
                reference = prediction.value.scalars
                criticLoss = critic.loss(prediction, costs: sampled.costs, batchSize: total, on: tape)
                batchMean = .nan
            } else {
                batchMean = AttentionModelTrainer.batchMean(sampled.costs, total: total, communicator: context.communicator)
                reference = Array(repeating: movingAverage!.value(afterBatchMean: batchMean), count: part.count)
            }
            let policyLoss = AttentionModelTrainer.reinforceLoss(sampled, baseline: reference, batchSize: total, on: tape)
            tape.backward(criticLoss.map { tape.add(policyLoss, $0) } ?? policyLoss)
            return (policyLoss.value.scalars[0], sampled.costs.reduce(0, +), reference.reduce(0, +), batchMean)
        }
        let policyNorm = GradientClipping.clipGlobalNorm(model.parameters, maxNorm: maximumGradientNorm)
        let criticNorm = critic.map { GradientClipping.clipGlobalNorm($0.parameters, maxNorm: maximumGradientNorm) } ?? 0
        let norm = policyNorm.isFinite && criticNorm.isFinite ? max(policyNorm, criticNorm) : .nan
        if norm.isFinite {
            optimizer.update()
            exponentialBaseline?.update(batchMean: results[0].batchMean)
        }
        return TrainingStepReport(loss: results.map(\.loss).reduce(0, +),
                                  meanCost: results.map(\.cost).reduce(0, +) / Float(total),
                                  meanBaseline: results.map(\.baseline).reduce(0, +) / Float(total),
                                  gradientNorm: norm)
    }

    /// Sets the critic's output bias to the whole batch's mean cost (shard 0 writes, the others wait).
    private static func centre(_ critic: CriticNetwork, on costs: [Float], total: Int, context: ShardContext) {
        let mean = AttentionModelTrainer.batchMean(costs, total: total, communicator: context.communicator)
        if context.index == 0 { critic.output.bias!.value.pointer[0] = mean }
        context.communicator.barrier()
    }

    /// Greedy tour lengths of the policy on `set`, in chunks of `chunkSize` whose halves run on the shards
    /// (no recording: evaluation changes nothing).
    public func greedyCosts(on set: ProblemBatch, chunkSize: Int = 500) -> [Float] {
        stride(from: 0, to: set.count, by: chunkSize).flatMap { start -> [Float] in
            let part = set.slice(start..<min(start + chunkSize, set.count))
            return group.run { context -> [Float] in
                let range = context.range(of: part.count)
                guard !range.isEmpty else { return [] }
                var unused = SeededGenerator(seed: 0)
                return context.tape.withoutRecording {
                    model.rollout(part.slice(range), on: context.tape, strategy: .greedy, using: &unused).costs
                }
            }.flatMap { $0 }
        }
    }
}
