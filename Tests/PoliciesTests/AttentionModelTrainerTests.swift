import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct AttentionModelTrainerTests {
    static func tiny(_ problem: ProblemKind) -> AttentionModelConfiguration {
        AttentionModelConfiguration(problem: problem, width: 8, layers: 1, heads: 2, feedForward: 16)
    }

    static func batch(_ problem: ProblemKind, count: Int, seed: UInt64) -> ProblemBatch {
        var rng = SeededGenerator(seed: seed)
        return problem == .tsp ? .randomTSP(count: count, nodes: 5, using: &rng)
            : .randomCVRP(count: count, customers: 4, using: &rng)
    }

    /// The tape's gradient of the full REINFORCE loss Σ w·Σ log p (encoder with batch norm, decoder,
    /// masks) w.r.t. parameters from every part of the model equals central differences of the
    /// double-precision reference loss.
    @Test(arguments: [ProblemKind.tsp, .cvrp])
    func lossGradientMatchesFiniteDifferences(problem: ProblemKind) {
        let model = AttentionModel(configuration: Self.tiny(problem), seed: 3)
        let batch = Self.batch(problem, count: 3, seed: 4)
        var rng = SeededGenerator(seed: 5)
        let actions = model.rollout(batch, on: Tape(recording: false), training: true, strategy: .sample,
                                    using: &rng).environment.actions
        let weights: [Float] = [0.7, -1.3, 0.4]
        let tape = Tape()
        let rollout = model.rollout(batch, on: tape, training: true, strategy: .forced(actions), using: &rng)
        let loss = tape.sum(tape.multiply(rollout.logProbabilitySum!, tape.constant(Tensor(weights, shape: [3]))))
        tape.backward(loss)
        func referenceLoss() -> Double {
            let steps = ReferenceForward.attentionModel(model, batch: batch, actions: actions)
            var total = 0.0
            for (t, rows) in steps.enumerated() {
                for b in 0..<3 { total += Double(weights[b]) * rows[b][Int(actions[t][b])] }
            }
            return total
        }
        var probes: [(Parameter, Int)] = [(model.nodeEmbedding.weight, 1), (model.encoder.layers[0].query.weight, 5),
                                          (model.encoder.layers[0].hidden.bias!, 3),
                                          (model.encoder.layers[0].feedForwardNorm.scale, 2),
                                          (model.fixedContext.weight, 9), (model.nodeProjection.weight, 100),
                                          (model.stepContext.weight, 7), (model.glimpseOutput.weight, 11),
                                          (model.stepContext.weight, model.configuration.width)]  // CVRP: capacity column
        if let placeholder = model.placeholder { probes.append((placeholder, 4)) }
        if let depot = model.depotEmbedding { probes.append((depot.weight, 3)) }
        for (parameter, index) in probes {
            // A small step: with Kool's initialisation some of the ~7,700 ReLU units sit within 1e-4 of their
            // kink, where larger central differences stop measuring the derivative.
            let result = CentralDifference.compare(parameter, index: index, step: 1e-5, tolerance: 2e-3, floor: 1,
                                                   loss: referenceLoss)
            #expect(result.agrees, "\(parameter.name)[\(index)]: numeric \(result.numeric), analytic \(result.analytic)")
        }
    }

    /// At full size (d = 128, 8 heads: the SIMD kernels) the fused table decoding and the step-by-step
    /// decoding with batched teacher-forced scoring give the same parameter gradients for the REINFORCE
    /// loss on 20-node instances.
    @Test(arguments: [ProblemKind.tsp, .cvrp])
    func fusedAndStepwiseGradientsAgreeAtFullSize(problem: ProblemKind) {
        let model = AttentionModel(configuration: .init(problem: problem), seed: 11)
        var rng = SeededGenerator(seed: 12)
        let batch = problem == .tsp ? ProblemBatch.randomTSP(count: 4, nodes: 20, using: &rng)
            : ProblemBatch.randomCVRP(count: 4, customers: 19, using: &rng)
        let actions = model.rollout(batch, on: Tape(recording: false), training: true, strategy: .sample,
                                    using: &rng).environment.actions
        let weights = Tensor([0.9, -0.4, 1.3, -1.1], shape: [4])
        func gradients(fused: Bool) -> [[Float]] {
            for parameter in model.parameters { parameter.zeroGradient() }
            let tape = Tape()
            let rollout = fused
                ? model.rollout(batch, on: tape, training: true, strategy: .forced(actions), using: &rng)
                : model.stepwiseRollout(batch, on: tape, training: true, strategy: .forced(actions), using: &rng)
            tape.backward(tape.sum(tape.multiply(rollout.logProbabilitySum!, tape.constant(weights))))
            return model.parameters.map(\.gradient.scalars)
        }
        let fused = gradients(fused: true), stepwise = gradients(fused: false)
        let scale = stepwise.flatMap { $0.map(abs) }.max() ?? 1
        for (parameter, (a, b)) in zip(model.parameters, zip(fused, stepwise)) {
            let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= 1e-3 * scale, "\(parameter.name): \(worst) vs scale \(scale)")
        }
    }

    /// A training step on two shards (batch halves on two threads, batch-norm statistics all-reduced)
    /// gives the single-thread step's gradients and loss.
    @Test func twoShardsMatchOne() {
        func step(shards: Int) -> (report: TrainingStepReport, gradients: [[Float]]) {
            let model = AttentionModel(configuration: Self.tiny(.tsp), seed: 7)
            let trainer = AttentionModelTrainer(model: model, shards: shards, seed: 8)
            trainer.decodeStrategy = .greedy
            let report = trainer.step(Self.batch(.tsp, count: 6, seed: 9))
            return (report, model.parameters.map(\.gradient.scalars))
        }
        let single = step(shards: 1), double = step(shards: 2)
        #expect(abs(single.report.loss - double.report.loss) <= 1e-5 * max(1, abs(single.report.loss)))
        #expect(abs(single.report.meanCost - double.report.meanCost) < 1e-5)
        let scale = single.gradients.joined().map(abs).max() ?? 0
        #expect(scale > 1e-4)
        for (a, b) in zip(single.gradients, double.gradients) {
            for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-4 * scale) }
        }
    }

    /// A sampled step changes the weights and reports finite numbers.
    @Test func stepUpdatesWeights() {
        let model = AttentionModel(configuration: Self.tiny(.cvrp), seed: 1)
        let before = model.glimpseOutput.weight.value.scalars
        let report = AttentionModelTrainer(model: model, seed: 2).step(Self.batch(.cvrp, count: 4, seed: 3))
        #expect(report.loss.isFinite && report.gradientNorm.isFinite && report.meanCost > 0)
        #expect(model.glimpseOutput.weight.value.scalars != before)
    }

    /// For TSP the baseline's fused per-instance greedy decoding gives the tape's greedy rollout costs.
    @Test func tspBaselineMatchesTapeGreedyRollout() {
        let trainer = AttentionModelTrainer(model: AttentionModel(configuration: Self.tiny(.tsp), seed: 5), seed: 6)
        var generator = SeededGenerator(seed: 7)
        let batch = ProblemBatch.randomTSP(count: 6, nodes: 50, using: &generator)
        #expect(trainer.usesFusedBaseline(nodes: 50))
        for statistics in trainer.baseline.statistics { statistics.momentum = 1 }
        _ = trainer.baseline.encode(batch, on: Tape(recording: false), training: true)
        var rng = SeededGenerator(seed: 8)
        let expected = trainer.baseline.rollout(batch, on: Tape(recording: false), training: false, strategy: .greedy,
                                                using: &rng).costs.reduce(0, +) / 6
        #expect(abs(trainer.step(batch).meanBaseline - expected) < 1e-5)
    }

    /// With the exponential baseline set, a two-shard step's baseline is the whole batch's mean cost (first
    /// batch) and the moving average then holds it; the next step mixes it in with β = 0.8.
    @Test func exponentialBaselineReplacesRollout() {
        let model = AttentionModel(configuration: Self.tiny(.tsp), seed: 3)
        let trainer = AttentionModelTrainer(model: model, shards: 2, seed: 4)
        trainer.exponentialBaseline = ExponentialBaseline()
        let first = trainer.step(Self.batch(.tsp, count: 6, seed: 5))
        #expect(abs(first.meanBaseline - first.meanCost) < 1e-5)
        #expect(abs(trainer.exponentialBaseline!.value! - first.meanCost) < 1e-5)
        let second = trainer.step(Self.batch(.tsp, count: 6, seed: 6))
        #expect(abs(second.meanBaseline - (0.8 * first.meanCost + 0.2 * second.meanCost)) < 1e-5)
    }
}
