import RoutingCore
import Tensor

/// Greedy solution costs of a policy on a fixed instance set (validation, the rollout baseline's
/// evaluation set), in chunks so memory stays bounded for sets of 10,000 instances.
///
/// - Attention model, TSP: ``BatchGreedyTSPDecoder`` (tape encoder, fused per-instance decoding on two
///   shards), one per model, made on first use.
/// - Attention model, CVRP: the tape's greedy rollout (evaluation-mode batch norm, no recording), the
///   chunk's halves on the shards of `group`.
/// - POMO: greedy rollouts from all `n` first nodes, on the shards of `group`; both the rollout from node 0
///   (a single trajectory) and the best of the `n` starts.
///
/// Evaluation never changes a model (no recording; batch-norm running statistics untouched).
public final class GreedyEvaluator {
    /// Instances per encoder call.
    public let chunkSize: Int
    private let group: ShardGroup
    private var tspDecoders: [ObjectIdentifier: BatchGreedyTSPDecoder] = [:]

    /// An evaluator running on `group`'s threads.
    public init(group: ShardGroup, chunkSize: Int = 500) {
        precondition(chunkSize >= 1, "chunk size must be positive")
        self.group = group
        self.chunkSize = chunkSize
    }

    /// Greedy cost per instance of `batch` under `model`.
    public func costs(of model: AttentionModel, on batch: ProblemBatch) -> [Float] {
        chunks(of: batch).flatMap { part -> [Float] in
            if model.configuration.problem == .tsp { return tspDecoder(for: model, nodes: part.nodes).decode(part).lengths }
            return shardedCosts(part) { piece, tape in
                var unused = SeededGenerator(seed: 0)
                return model.rollout(piece, on: tape, training: false, strategy: .greedy, using: &unused).costs
            }
        }
    }

    /// POMO's greedy costs per instance: the rollout starting at node 0, and the best of all `n` starts.
    public func costs(of model: POMOModel, on batch: ProblemBatch) -> (firstNode: [Float], bestStart: [Float]) {
        let n = model.rolloutsPerInstance(nodes: batch.nodes)
        var firstNode = [Float](), bestStart = [Float]()
        for part in chunks(of: batch) {
            let rows = shardedCosts(part) { piece, tape in
                var unused = SeededGenerator(seed: 0)
                return model.rollout(piece, on: tape, strategy: .greedy, using: &unused).costs
            }
            for instance in 0..<part.count {
                let own = rows[(instance * n)..<((instance + 1) * n)]
                firstNode.append(own.first!)
                bestStart.append(own.min()!)
            }
        }
        return (firstNode, bestStart)
    }

    /// `batch` cut into pieces of at most ``chunkSize`` instances.
    private func chunks(of batch: ProblemBatch) -> [ProblemBatch] {
        stride(from: 0, to: batch.count, by: chunkSize).map { start in
            batch.slice(start..<min(start + chunkSize, batch.count))
        }
    }

    /// Runs `rollout` without recording on each shard's part of `part`; results in instance order.
    private func shardedCosts(_ part: ProblemBatch, _ rollout: (ProblemBatch, Tape) -> [Float]) -> [Float] {
        group.run { context -> [Float] in
            let range = context.range(of: part.count)
            guard !range.isEmpty else { return [] }
            return context.tape.withoutRecording { rollout(part.slice(range), context.tape) }
        }.flatMap { $0 }
    }

    private func tspDecoder(for model: AttentionModel, nodes: Int) -> BatchGreedyTSPDecoder {
        let key = ObjectIdentifier(model)
        if let decoder = tspDecoders[key] { return decoder }
        let decoder = BatchGreedyTSPDecoder(model: model, nodes: nodes, shards: group.shardCount)
        tspDecoders[key] = decoder
        return decoder
    }
}
