import Foundation
import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct PointerNetworkTests {
    /// A small network with weights drawn wider than Bello's ±0.08, so log-probabilities and gradients are
    /// far from uniform and zero and the comparisons below have something to detect.
    static func model(seed: UInt64 = 3) -> PointerNetwork {
        let model = PointerNetwork(width: 8, seed: seed)
        var rng = SeededGenerator(seed: seed &+ 100)
        Initializer.uniform(bound: 0.6).initialize(model.parameters, using: &rng)
        return model
    }

    /// Sampled actions `[step][instance]` of `model` on `batch`.
    static func sampledActions(_ model: PointerNetwork, _ batch: ProblemBatch, seed: UInt64) -> [[Int32]] {
        var rng = SeededGenerator(seed: seed)
        return model.rollout(batch, on: Tape(recording: false), strategy: .sample, using: &rng).environment.actions
    }

    /// Parameters start uniform in ±0.08 (Bello et al.) and every parameter is distinct by name.
    @Test func initialisationFollowsBello() {
        let model = PointerNetwork(width: 16, seed: 1)
        let values = model.parameters.flatMap(\.value.scalars)
        #expect(values.allSatisfy { abs($0) <= 0.08 } && values.contains { abs($0) > 0.07 })
        #expect(Set(model.parameters.map(\.name)).count == model.parameters.count)
    }

    /// The tape's log-probabilities for forced actions equal the double-precision reference at every
    /// step, node and instance (`-inf` exactly at the visited nodes).
    @Test func forcedLogProbabilitiesMatchReference() {
        let model = Self.model()
        var rng = SeededGenerator(seed: 4)
        let batch = ProblemBatch.randomTSP(count: 3, nodes: 7, using: &rng)
        let actions = Self.sampledActions(model, batch, seed: 5)
        let rollout = model.rollout(batch, on: Tape(), strategy: .forced(actions), using: &rng,
                                    keepStepLogProbabilities: true)
        let reference = ReferenceForward.pointerNetwork(model, batch: batch, actions: actions)
        var largest = 0.0
        for (t, step) in rollout.stepLogProbabilities.enumerated() {
            for b in 0..<3 {
                for j in 0..<7 {
                    let fast = Double(step[b, j]), slow = reference[t][b][j]
                    if slow == -.infinity { #expect(fast == -.infinity, "step \(t) instance \(b) node \(j)"); continue }
                    largest = max(largest, abs(fast - slow))
                }
            }
        }
        #expect(largest < 2e-5, "largest difference \(largest)")
        let sums = rollout.logProbabilitySum!.value.scalars
        for b in 0..<3 {
            let expected = actions.indices.reduce(0.0) { $0 + reference[$1][b][Int(actions[$1][b])] }
            #expect(abs(Double(sums[b]) - expected) < 1e-4)
        }
    }

    /// Gradients of a weighted sum of the sampled tours' log-probabilities equal central differences of the
    /// double reference for entries of every parameter: embedding, encoder LSTM, decoder LSTM and start
    /// vector, glimpse and pointer attention.
    @Test func gradientMatchesFiniteDifferences() {
        let model = Self.model(seed: 7)
        var rng = SeededGenerator(seed: 8)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: 6, using: &rng)
        let actions = Self.sampledActions(model, batch, seed: 9)
        let weights: [Float] = [0.7, -1.3]
        let tape = Tape()
        let rollout = model.rollout(batch, on: tape, strategy: .forced(actions), using: &rng)
        tape.backward(tape.sum(tape.multiply(rollout.logProbabilitySum!, tape.constant(Tensor(weights, shape: [2])))))
        func referenceLoss() -> Double {
            let steps = ReferenceForward.pointerNetwork(model, batch: batch, actions: actions)
            return steps.indices.reduce(0.0) { total, t in
                total + (0..<2).reduce(0.0) { $0 + Double(weights[$1]) * steps[t][$1][Int(actions[t][$1])] }
            }
        }
        var checked = 0
        for (position, parameter) in model.parameters.enumerated() {
            for index in [position % parameter.value.count, (7 * position + 3) % parameter.value.count] {
                let result = CentralDifference.compare(parameter, index: index, step: 1e-3, tolerance: 1e-3, floor: 0.1,
                                                       loss: referenceLoss)
                #expect(result.agrees, "\(parameter.name)[\(index)]: numeric \(result.numeric), analytic \(result.analytic)")
                if abs(result.numeric) > 1e-3 { checked += 1 }
            }
        }
        #expect(checked >= model.parameters.count, "only \(checked) probes had a visible gradient")
    }

    /// Over seeded sampled and greedy rollouts, no step gives a visited node a finite log-probability, every
    /// step's allowed probabilities sum to 1, and every tour is a permutation whose reported cost is its length.
    @Test(arguments: [DecodeStrategy.sample, .greedy])
    func masksNeverAllowVisitedNodes(strategy: DecodeStrategy) throws {
        let model = Self.model(seed: 11)
        var rng = SeededGenerator(seed: 12)
        let batch = ProblemBatch.randomTSP(count: 16, nodes: 9, using: &rng)
        let rollout = model.rollout(batch, on: Tape(recording: false), strategy: strategy, using: &rng,
                                    keepStepLogProbabilities: true)
        let environment = rollout.environment as! TSPEnvironment
        for row in 0..<16 {
            var visited = Set<Int>()
            for (t, step) in rollout.stepLogProbabilities.enumerated() {
                var total = 0.0
                for node in 0..<9 {
                    let value = step[row, node]
                    #expect(visited.contains(node) == (value == -.infinity), "row \(row) step \(t) node \(node)")
                    if value > -.infinity { total += exp(Double(value)) }
                }
                #expect(abs(total - 1) < 1e-5)
                visited.insert(Int(environment.actions[t][row]))
            }
            let tour = environment.sequence(row: row)
            #expect(tour.sorted() == Array(0..<9))
            #expect(abs(rollout.costs[row] - batch.tourLength(tour, instance: row)) < 1e-5)
        }
    }
}
