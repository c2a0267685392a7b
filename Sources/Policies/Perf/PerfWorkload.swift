import RoutingCore
import Tensor

/// One timed workload of `routeopt perf`: a named, repeatable call over a fixed batch.
public struct PerfWorkload: Sendable {
    /// The name used on the command line (`am-train-tsp20-b512`).
    public let name: String
    /// Problem instances one call processes (rollouts are not counted).
    public let instancesPerCall: Int
    /// Builds the models and data, returning the call to time.
    let prepare: @Sendable () -> () -> Void

    /// Every workload, in the order `perf` runs them.
    public static let all: [PerfWorkload] = [
        attentionTraining(.tsp, nodes: 20, batch: 512),
        attentionTraining(.tsp, nodes: 50, batch: 512),
        attentionTraining(.tsp, nodes: 100, batch: 128),
        attentionTraining(.cvrp, nodes: 50, batch: 512),
        pomoTraining(nodes: 20, batch: 64),
        pomoTraining(nodes: 50, batch: 64),
        attentionGreedy(nodes: 100, batch: 1024),
        attentionGreedySingle(nodes: 100),
    ]

    /// The names of ``all``.
    public static var names: [String] { all.map(\.name) }

    /// The workload called `name`, or `nil`.
    public static func named(_ name: String) -> PerfWorkload? { all.first { $0.name == name } }

    /// One REINFORCE step of the attention model with the greedy-rollout baseline, on two shards.
    static func attentionTraining(_ problem: ProblemKind, nodes: Int, batch: Int) -> PerfWorkload {
        PerfWorkload(name: "am-train-\(problem.rawValue)\(nodes)-b\(batch)", instancesPerCall: batch) {
            let trainer = AttentionModelTrainer(model: AttentionModel(configuration: .init(problem: problem), seed: 1),
                                                seed: 2)
            let data = randomBatch(problem, nodes: nodes, count: batch)
            return { trainer.step(data) }
        }
    }

    /// One POMO training step (n rollouts per instance), on two shards.
    static func pomoTraining(nodes: Int, batch: Int) -> PerfWorkload {
        PerfWorkload(name: "pomo-train-tsp\(nodes)-b\(batch)", instancesPerCall: batch) {
            let trainer = POMOTrainer(model: POMOModel(seed: 1), seed: 2)
            let data = randomBatch(.tsp, nodes: nodes, count: batch)
            return { trainer.step(data) }
        }
    }

    /// Greedy decoding of a batch on two shards: encoder on the tape without recording, then the fused
    /// decoder instance by instance (``BatchGreedyTSPDecoder``).
    static func attentionGreedy(nodes: Int, batch: Int) -> PerfWorkload {
        PerfWorkload(name: "am-greedy-tsp\(nodes)-b\(batch)", instancesPerCall: batch) {
            let decoder = BatchGreedyTSPDecoder(model: AttentionModel(configuration: .init(problem: .tsp), seed: 1),
                                                nodes: nodes)
            let data = randomBatch(.tsp, nodes: nodes, count: batch)
            return { _ = decoder.decode(data) }
        }
    }

    /// Greedy decoding of one instance with the fused, tape-free inference path.
    static func attentionGreedySingle(nodes: Int) -> PerfWorkload {
        PerfWorkload(name: "am-greedy-tsp\(nodes)-b1", instancesPerCall: 1) {
            let decoder = GreedyTSPDecoder(model: AttentionModel(configuration: .init(problem: .tsp), seed: 1),
                                           nodes: nodes)
            let data = randomBatch(.tsp, nodes: nodes, count: 1)
            return { _ = decoder.decode(data.coordinates.scalars) }
        }
    }

    static func randomBatch(_ problem: ProblemKind, nodes: Int, count: Int) -> ProblemBatch {
        var rng = SeededGenerator(seed: 12_345)
        return problem == .tsp ? .randomTSP(count: count, nodes: nodes, using: &rng)
            : .randomCVRP(count: count, customers: nodes, using: &rng)
    }
}
