import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct POMOModelTests {
    /// POMO's log-probabilities (precomputed last-node queries gathered per step) equal the reference
    /// that projects the current node's embedding at every step.
    @Test(arguments: [ProblemKind.tsp, .cvrp])
    func forwardMatchesReference(problem: ProblemKind) throws {
        let error = try ForwardCheck.pomo(problem: problem, nodes: 7, batchSize: 3)
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

    /// Gradients of a weighted sum of rollout log-probabilities through the fused table decoding equal
    /// central differences of the double-precision reference: TSP with 8 heads (SIMD kernels) and 2 heads,
    /// CVRP (capacity table, forced first customer, rollouts finishing at different steps).
    @Test(arguments: [(ProblemKind.tsp, 8), (.tsp, 2), (.cvrp, 8)])
    func fusedDecodingGradientMatchesFiniteDifferences(problem: ProblemKind, heads: Int) {
        let model = POMOModel(problem: problem, width: 16, layers: 1, heads: heads, feedForward: 32, seed: 3)
        var rng = SeededGenerator(seed: 4)
        let batch = problem == .tsp ? ProblemBatch.randomTSP(count: 2, nodes: 6, using: &rng)
            : ProblemBatch.randomCVRP(count: 2, customers: 6, using: &rng)
        let actions = Array(model.rollout(batch, on: Tape(recording: false), strategy: .sample, using: &rng)
            .environment.actions.dropFirst())
        let rows = 2 * model.rolloutsPerInstance(nodes: batch.nodes)
        let weights: [Float] = (0..<rows).map { Float($0 % 5) * 0.4 - 0.9 }
        let tape = Tape()
        let rollout = model.rollout(batch, on: tape, strategy: .forced(actions), using: &rng)
        tape.backward(tape.sum(tape.multiply(rollout.logProbabilitySum!, tape.constant(Tensor(weights, shape: [rows])))))
        func referenceLoss() -> Double {
            var total = 0.0
            for (t, steps) in ReferenceForward.pomo(model, batch: batch, actions: actions).enumerated() {
                for row in 0..<rows { total += Double(weights[row]) * steps[row][Int(actions[t][row])] }
            }
            return total
        }
        var probes: [(Parameter, Int)] = [(model.embedding.weight, 1), (model.encoder.layers[0].key.weight, 5),
                                          (model.queryLast.weight, 17), (model.key.weight, 30), (model.value.weight, 7),
                                          (model.combine.weight, 11), (model.combine.bias!, 3)]
        if let queryFirst = model.queryFirst { probes.append((queryFirst.weight, 9)) }
        if let depot = model.depotEmbedding { probes += [(depot.weight, 2), (model.queryLast.weight, 16)] }  // 16: capacity column
        for (parameter, index) in probes {
            let result = CentralDifference.compare(parameter, index: index, step: 1e-4, tolerance: 2e-3, floor: 1,
                                                   loss: referenceLoss)
            #expect(result.agrees, "\(parameter.name)[\(index)]: numeric \(result.numeric), analytic \(result.analytic)")
        }
    }

    /// The fused decoding and the step-by-step tape decoding give the same parameter gradients.
    @Test(arguments: [8, 2])
    func fusedAndStepwiseGradientsAgree(heads: Int) {
        let model = POMOModel(width: 32, layers: 1, heads: heads, feedForward: 64, seed: 6)
        var rng = SeededGenerator(seed: 7)
        let batch = ProblemBatch.randomTSP(count: 3, nodes: 9, using: &rng)
        let actions = Array(model.rollout(batch, on: Tape(recording: false), strategy: .sample, using: &rng)
            .environment.actions.dropFirst())
        let weights = Tensor((0..<27).map { Float($0 % 7) - 3 }, shape: [27])
        func gradients(fused: Bool) -> [[Float]] {
            for parameter in model.parameters { parameter.zeroGradient() }
            let tape = Tape()
            let rollout = fused ? model.rollout(batch, on: tape, strategy: .forced(actions), using: &rng)
                : model.stepwiseRollout(batch, embeddings: model.encode(batch, on: tape), on: tape,
                                        strategy: .forced(actions), using: &rng, keepStepLogProbabilities: false)
            tape.backward(tape.sum(tape.multiply(rollout.logProbabilitySum!, tape.constant(weights))))
            return model.parameters.map(\.gradient.scalars)
        }
        let fused = gradients(fused: true), stepwise = gradients(fused: false)
        // Biases in front of an instance norm get (numerically) zero gradients, so compare on the scale of
        // the largest gradient anywhere.
        let scale = stepwise.flatMap { $0.map(abs) }.max() ?? 1
        for (parameter, (a, b)) in zip(model.parameters, zip(fused, stepwise)) {
            #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-3 * scale }, "\(parameter.name)")
        }
    }

    /// NaN weights give NaN log-probability sums but still feasible tours (no crash), so a trainer can
    /// detect the step and skip it.
    @Test func nonFiniteWeightsStayFeasible() throws {
        let model = POMOModel(width: 16, layers: 1, heads: 8, feedForward: 32, seed: 8)
        model.combine.weight.value.pointer[0] = .nan
        var rng = SeededGenerator(seed: 9)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: 6, using: &rng)
        let rollout = model.rollout(batch, on: Tape(), strategy: .sample, using: &rng)
        #expect(rollout.logProbabilitySum!.value.scalars.contains { $0.isNaN })
        let environment = rollout.environment as! TSPEnvironment
        for row in 0..<12 { _ = try Evaluator.evaluate(try #require(environment.solution(row: row)), in: batch.instance(at: row / 6)) }
    }

    /// The shared baseline is each instance's mean cost over its rollouts.
    @Test func sharedBaselineIsPerInstanceMean() {
        #expect(POMOTrainer.sharedBaseline([1, 3, 10, 20], rolloutsPerInstance: 2) == [2, 2, 15, 15])
    }
}
