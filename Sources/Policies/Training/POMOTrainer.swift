import RoutingCore
import Tensor

/// POMO training (Kwon et al.): n rollouts per instance from different first nodes, the shared baseline
/// = mean cost over an instance's rollouts, loss `mean((cost − baseline)·Σ log p)`, Adam lr 1e-4 with
/// weight decay 1e-6 (L2, as `torch.optim.Adam`). Batch halves run on the shards of a ``ShardGroup``.
public final class POMOTrainer {
    public let model: POMOModel
    public let optimizer: Adam
    public let group: ShardGroup
    /// The stream the per-step shard seeds are drawn from (saved in checkpoints for exact resumption).
    public var rng: SeededGenerator

    /// A trainer over `shards` threads.
    public init(model: POMOModel, shards: Int = 2, learningRate: Double = 1e-4, weightDecay: Double = 1e-6,
                seed: UInt64) {
        self.model = model
        optimizer = Adam(parameters: model.parameters,
                         configuration: .init(learningRate: learningRate, weightDecay: weightDecay))
        group = ShardGroup(shards: shards)
        rng = SeededGenerator(seed: seed)
    }

    /// One update on `batch`.
    @discardableResult
    public func step(_ batch: ProblemBatch) -> TrainingStepReport {
        let parameters = model.parameters
        for parameter in parameters { parameter.zeroGradient() }
        let seeds = (0..<group.shardCount).map { _ in rng.next() }
        let total = batch.count, n = model.rolloutsPerInstance(nodes: batch.nodes)
        let results = group.run { context -> (loss: Float, cost: Float) in
            let part = batch.slice(context.range(of: total))
            var shardRNG = SeededGenerator(seed: seeds[context.index])
            let tape = context.tape
            let rollout = model.rollout(part, on: tape, strategy: .sample, using: &shardRNG)
            let baseline = Self.sharedBaseline(rollout.costs, rolloutsPerInstance: n)
            let loss = AttentionModelTrainer.reinforceLoss(rollout, baseline: baseline, batchSize: total * n, on: tape)
            tape.backward(loss)
            return (loss.value.scalars[0], rollout.costs.reduce(0, +))
        }
        let norm = GradientClipping.globalNorm(parameters)
        if norm.isFinite { optimizer.update() }
        let meanCost = results.map(\.cost).reduce(0, +) / Float(total * n)
        return TrainingStepReport(loss: results.map(\.loss).reduce(0, +), meanCost: meanCost, meanBaseline: meanCost,
                                  gradientNorm: norm)
    }

    /// Each row's baseline: the mean cost of its instance's rollouts.
    static func sharedBaseline(_ costs: [Float], rolloutsPerInstance n: Int) -> [Float] {
        var baseline = [Float](repeating: 0, count: costs.count)
        for start in stride(from: 0, to: costs.count, by: n) {
            let mean = costs[start..<(start + n)].reduce(0, +) / Float(n)
            for row in start..<(start + n) { baseline[row] = mean }
        }
        return baseline
    }
}
