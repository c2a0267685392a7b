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

    /// POMO's greedy costs per instance: the rollout starting at node 0 (TSP; CVRP: to the first
    /// customer), the best of all `N` starts and, when `augmented`, the best over the 8 symmetries of the
    /// unit square × all starts (POMO's ×8 inference; chunks are then an eighth as many instances).
    public func costs(of model: POMOModel, on batch: ProblemBatch, augmented: Bool = false)
        -> (firstNode: [Float], bestStart: [Float], augmentedBest: [Float]?) {
        let n = model.rolloutsPerInstance(nodes: batch.nodes)
        let copies = augmented ? CoordinateSymmetry.allCases.count : 1
        var firstNode = [Float](), bestStart = [Float](), augmentedBest = [Float]()
        for part in chunks(of: batch, size: max(1, chunkSize / copies)) {
            let decoded = augmented ? part.augmented() : part  // the identity copy comes first
            let rows = shardedCosts(decoded) { piece, tape in
                var unused = SeededGenerator(seed: 0)
                return model.rollout(piece, on: tape, strategy: .greedy, using: &unused).costs
            }
            for instance in 0..<part.count {
                let own = rows[(instance * copies * n)..<((instance + 1) * copies * n)]
                let identity = own.prefix(n)
                firstNode.append(identity.first!)
                bestStart.append(identity.min()!)
                if augmented { augmentedBest.append(own.min()!) }
            }
        }
        return (firstNode, bestStart, augmented ? augmentedBest : nil)
    }

    /// `batch` cut into pieces of at most ``chunkSize`` instances.
    private func chunks(of batch: ProblemBatch, size: Int? = nil) -> [ProblemBatch] {
        let size = size ?? chunkSize
        return stride(from: 0, to: batch.count, by: size).map { start in
            batch.slice(start..<min(start + size, batch.count))
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
