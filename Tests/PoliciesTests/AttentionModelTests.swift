import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct AttentionModelTests {
    /// The tape's encoder + decoder log-probabilities for a sampled action sequence equal the plain
    /// double-precision reference, for TSP and CVRP.
    @Test(arguments: [ProblemKind.tsp, .cvrp])
    func forwardMatchesReference(problem: ProblemKind) throws {
        let error = try ForwardCheck.attentionModel(problem: problem, nodes: 7, batchSize: 3)
        #expect(error < 2e-4)
    }

    /// Greedy and sampled decodes give feasible solutions whose float costs match the Evaluator.
    @Test(arguments: [ProblemKind.tsp, .cvrp])
    func decodedSolutionsAreFeasible(problem: ProblemKind) throws {
        let model = AttentionModel(configuration: .init(problem: problem, width: 16, layers: 1, heads: 2, feedForward: 32),
                                   seed: 1)
        var rng = SeededGenerator(seed: 2)
        let batch = problem == .tsp ? ProblemBatch.randomTSP(count: 4, nodes: 10, using: &rng)
            : ProblemBatch.randomCVRP(count: 4, customers: 10, using: &rng)
        for strategy in [DecodeStrategy.greedy, .sample] {
            let rollout = model.rollout(batch, on: Tape(recording: false), training: false, strategy: strategy, using: &rng)
            for row in 0..<batch.count {
                let solution: Solution? = problem == .tsp
                    ? (rollout.environment as! TSPEnvironment).solution(row: row)
                    : (rollout.environment as! CVRPEnvironment).solution(row: row)
                let cost = try Evaluator.evaluate(try #require(solution), in: batch.instance(at: row))
                #expect(abs(Double(rollout.costs[row]) - Double(cost) / ProblemBatch.instanceScale) < 1e-3)
            }
        }
    }

    /// `copyWeights` makes a second model produce identical greedy log-probabilities.
    @Test func copiedWeightsDecodeIdentically() {
        let configuration = AttentionModelConfiguration(problem: .tsp, width: 16, layers: 1, heads: 2, feedForward: 32)
        let model = AttentionModel(configuration: configuration, seed: 3)
        let copy = AttentionModel(configuration: configuration, seed: 4)
        copy.copyWeights(from: model)
        var rng = SeededGenerator(seed: 5)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: 6, using: &rng)
        let a = model.rollout(batch, on: Tape(recording: false), training: false, strategy: .greedy, using: &rng,
                              keepStepLogProbabilities: true)
        let b = copy.rollout(batch, on: Tape(recording: false), training: false, strategy: .greedy, using: &rng,
                             keepStepLogProbabilities: true)
        #expect(a.stepLogProbabilities.map(\.scalars) == b.stepLogProbabilities.map(\.scalars))
    }
}
