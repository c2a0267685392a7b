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

    /// The batched teacher-forced sum on a recording tape equals the chosen step-by-step log-probabilities.
    @Test func scoredSumMatchesDecodedSteps() {
        let model = POMOModel(width: 16, layers: 1, heads: 2, feedForward: 32, seed: 3)
        var rng = SeededGenerator(seed: 4)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: 5, using: &rng)
        let rollout = model.rollout(batch, on: Tape(), strategy: .sample, using: &rng, keepStepLogProbabilities: true)
        let actions = Array(rollout.environment.actions.dropFirst())
        let sums = rollout.logProbabilitySum!.value.scalars
        #expect(sums.count == 10)
        for row in 0..<10 {
            let expected = zip(rollout.stepLogProbabilities, actions).map { $0.scalars[row * 5 + Int($1[row])] }
                .reduce(0, +)
            #expect(abs(sums[row] - expected) < 1e-4)
        }
    }

    /// The gradient of the scored log-probability sums matches central finite differences for decoder and
    /// encoder weights.
    @Test func scoredGradientMatchesFiniteDifferences() {
        let model = POMOModel(width: 8, layers: 1, heads: 2, feedForward: 16, seed: 5)
        var rng = SeededGenerator(seed: 6)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: 4, using: &rng)
        let actions = Array(model.rollout(batch, on: Tape(recording: false), strategy: .sample, using: &rng)
            .environment.actions.dropFirst())
        let weights = (0..<8).map { Float($0 % 3) - 0.7 }
        func loss(_ tape: Tape) -> Variable {
            let sum = model.rollout(batch, on: tape, strategy: .forced(actions), using: &rng).logProbabilitySum!
            return tape.sum(tape.multiply(sum, tape.constant(Tensor(weights, shape: [8]))))
        }
        for parameter in model.parameters { parameter.zeroGradient() }
        let tape = Tape()
        tape.backward(loss(tape))
        #expect(model.combine.weight.gradient.scalars.contains { abs($0) > 1e-3 })
        let step: Float = 1e-2
        for parameter in [model.combine.weight, model.queryLast.weight, model.queryFirst.weight, model.key.weight,
                          model.value.weight, model.embedding.weight] {
            for i in stride(from: 0, to: parameter.value.count, by: 5) {
                let original = parameter.value.pointer[i]
                parameter.value.pointer[i] = original + step
                let plus = Double(loss(Tape()).value.scalars[0])
                parameter.value.pointer[i] = original - step
                let minus = Double(loss(Tape()).value.scalars[0])
                parameter.value.pointer[i] = original
                let numeric = (plus - minus) / (2 * Double(step)), analytic = Double(parameter.gradient.pointer[i])
                #expect(abs(numeric - analytic) <= 2e-2 * max(abs(numeric), abs(analytic)) + 2e-3,
                        "\(parameter.name)[\(i)]: analytic \(analytic) numeric \(numeric)")
            }
        }
    }

    /// The shared baseline is each instance's mean cost over its rollouts.
    @Test func sharedBaselineIsPerInstanceMean() {
        #expect(POMOTrainer.sharedBaseline([1, 3, 10, 20], rolloutsPerInstance: 2) == [2, 2, 15, 15])
    }
}
