import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct ForwardCheckTests {
    /// The comparison reports the largest difference, and a `-inf` on one side only as infinite.
    @Test func largestErrorSeesDifferencesAndMaskDisagreements() {
        let fast = [Tensor([-0.5, -.infinity, -1.0, -2.0], shape: [2, 2])]
        #expect(abs(ForwardCheck.largestError(fast, [[[-0.5, -.infinity], [-1.01, -2.0]]]) - 0.01) < 1e-6)
        #expect(ForwardCheck.largestError(fast, [[[-0.5, -3.0], [-1.0, -2.0]]]) == .infinity)
    }

    /// A model whose weights change between the fast and the reference pass fails the check loudly.
    @Test func perturbedModelIsRejected() {
        var rng = RoutingCore.SeededGenerator(seed: 1)
        let model = AttentionModel(configuration: .init(problem: .tsp, width: 16, layers: 1, heads: 2, feedForward: 32),
                                   seed: 2)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: 5, using: &rng)
        let tape = Tape(recording: false)
        let sampled = model.rollout(batch, on: tape, training: true, strategy: .sample, using: &rng,
                                    keepStepLogProbabilities: true)
        let actions = sampled.environment.actions
        let before = ReferenceForward.attentionModel(model, batch: batch, actions: actions)
        #expect(ForwardCheck.largestError(sampled.stepLogProbabilities, before) < 1e-4)
        model.glimpseOutput.weight.value.pointer[0] += 0.5
        let after = ReferenceForward.attentionModel(model, batch: batch, actions: actions)
        #expect(ForwardCheck.largestError(sampled.stepLogProbabilities, after) > 1e-3)
    }
}
