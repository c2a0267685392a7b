import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct POMOModelTests {
    /// POMO's log-probabilities (precomputed last-node queries gathered per step) equal the reference
    /// that projects the current node's embedding at every step.
    @Test func forwardMatchesReference() throws {
        let error = try ForwardCheck.pomo(nodes: 6, batchSize: 2)
        #expect(error < 2e-4)
    }

    /// Every rollout starts at its own node and ends with a feasible tour.
    @Test func rolloutsStartAtEveryNode() throws {
        let model = POMOModel(width: 16, layers: 1, heads: 2, feedForward: 32, seed: 1)
        var rng = SeededGenerator(seed: 2)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: 5, using: &rng)
        let rollout = model.rollout(batch, on: Tape(recording: false), strategy: .sample, using: &rng)
        let environment = rollout.environment as! TSPEnvironment
        #expect(environment.actions[0] == (0..<10).map { Int32($0 % 5) })
        for row in 0..<10 {
            let solution = try #require(environment.solution(row: row))
            _ = try Evaluator.evaluate(solution, in: batch.instance(at: row / 5))
        }
    }

    /// The shared baseline is each instance's mean cost over its rollouts.
    @Test func sharedBaselineIsPerInstanceMean() {
        #expect(POMOTrainer.sharedBaseline([1, 3, 10, 20], rolloutsPerInstance: 2) == [2, 2, 15, 15])
    }
}
