import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct GreedyEvaluatorTests {
    /// Chunked, sharded greedy costs equal the tape's greedy rollout of the whole set, for TSP (fused
    /// decoder) and CVRP (tape on shards), and evaluation leaves batch-norm statistics untouched.
    @Test(arguments: [ProblemKind.tsp, .cvrp])
    func matchesTapeGreedyRollout(problem: ProblemKind) {
        let model = AttentionModel(configuration: .init(problem: problem, width: 16, layers: 1, heads: 2, feedForward: 32),
                                   seed: 4)
        let set = ProblemBatch.seededSet(problem, size: 8, seed: 5, indices: 0..<7)
        let before = model.statistics.map(\.mean.scalars)
        let costs = GreedyEvaluator(group: ShardGroup(shards: 2), chunkSize: 3).costs(of: model, on: set)
        var rng = SeededGenerator(seed: 0)
        let expected = model.rollout(set, on: Tape(recording: false), training: false, strategy: .greedy, using: &rng).costs
        #expect(costs.count == 7)
        for (a, b) in zip(costs, expected) { #expect(abs(a - b) < 1e-4) }
        #expect(model.statistics.map(\.mean.scalars) == before)
    }

    /// POMO's best of n starts is never worse than its rollout from node 0, which equals the tape's
    /// greedy rollout row of start 0.
    @Test func pomoBestStartAndFirstNode() {
        let model = POMOModel(width: 16, layers: 1, heads: 2, feedForward: 32, seed: 2)
        let set = ProblemBatch.seededSet(.tsp, size: 7, seed: 9, indices: 0..<5)
        let costs = GreedyEvaluator(group: ShardGroup(shards: 2), chunkSize: 2).costs(of: model, on: set)
        var rng = SeededGenerator(seed: 0)
        let rows = model.rollout(set, on: Tape(recording: false), strategy: .greedy, using: &rng).costs
        for instance in 0..<5 {
            #expect(abs(costs.firstNode[instance] - rows[instance * 7]) < 1e-4)
            #expect(costs.bestStart[instance] <= costs.firstNode[instance])
        }
    }
}
