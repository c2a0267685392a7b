import RoutingCore
import Tensor

/// Compares the tape's forward pass with ``ReferenceForward`` on a small seeded batch.
public enum ForwardCheck {
    /// A failed comparison.
    public struct Mismatch: Error, CustomStringConvertible {
        public let network: String
        public let largestError: Double
        public let tolerance: Double
        public var description: String {
            "\(network): the forward pass differs from the double-precision reference by \(largestError) "
                + "(tolerance \(tolerance))"
        }
    }

    /// Largest absolute difference between the tape's and the reference's log-probabilities; an entry
    /// that is `-inf` on one side only counts as infinite.
    public static func largestError(_ fast: [Tensor], _ reference: [[[Double]]]) -> Double {
        precondition(fast.count == reference.count, "step counts differ: \(fast.count) vs \(reference.count)")
        var worst = 0.0
        for (tensor, rows) in zip(fast, reference) {
            let values = tensor.scalars, columns = rows[0].count
            precondition(values.count == rows.count * columns, "shapes differ")
            for (r, row) in rows.enumerated() {
                for (j, expected) in row.enumerated() {
                    let actual = Double(values[r * columns + j])
                    if expected == -.infinity || actual == -.infinity {
                        if expected != actual { worst = .infinity }
                    } else {
                        worst = max(worst, abs(actual - expected))
                    }
                }
            }
        }
        return worst
    }

    /// Largest difference between per-row log-probability sums and the reference's chosen entries summed.
    static func largestSumError(_ sums: Tensor, _ reference: [[[Double]]], actions: [[Int32]]) -> Double {
        let values = sums.scalars
        var worst = 0.0
        for row in values.indices {
            var expected = 0.0
            for (step, rows) in reference.enumerated() { expected += rows[row][Int(actions[step][row])] }
            worst = max(worst, abs(Double(values[row]) - expected))
        }
        return worst
    }

    /// Samples actions with the tape, replays them through both forward passes and compares.
    /// - Returns: the largest difference. - Throws: ``Mismatch`` above `tolerance`.
    @discardableResult
    public static func attentionModel(problem: ProblemKind, nodes: Int = 8, batchSize: Int = 3, seed: UInt64 = 7,
                                      tolerance: Double = 2e-4) throws -> Double {
        let model = AttentionModel(configuration: .init(problem: problem), seed: seed)
        var rng = SeededGenerator(seed: seed + 1)
        let batch = problem == .tsp ? ProblemBatch.randomTSP(count: batchSize, nodes: nodes, using: &rng)
            : ProblemBatch.randomCVRP(count: batchSize, customers: nodes - 1, using: &rng)
        let tape = Tape(recording: false)
        let sampled = model.rollout(batch, on: tape, training: true, strategy: .sample, using: &rng)
        let actions = sampled.environment.actions
        // The fused table decoding (inference and, on a recording tape, training), the step-by-step
        // decoding and the batched teacher-forced scoring, all against the reference.
        let forced = model.rollout(batch, on: tape, training: true, strategy: .forced(actions), using: &rng,
                                   keepStepLogProbabilities: true)
        let recorded = model.rollout(batch, on: Tape(), training: true, strategy: .forced(actions), using: &rng)
        let stepwise = model.stepwiseRollout(batch, on: tape, training: true, strategy: .forced(actions), using: &rng,
                                             keepStepLogProbabilities: true)
        let scored = model.stepwiseRollout(batch, on: Tape(), training: true, strategy: .forced(actions), using: &rng)
        let reference = ReferenceForward.attentionModel(model, batch: batch, actions: actions)
        let batched = unstack(scored.scoredLogProbabilities!, groups: batchSize, steps: actions.count, perGroup: 1)
        let error = [largestError(forced.stepLogProbabilities, reference), largestError(stepwise.stepLogProbabilities, reference),
                     largestError(batched, reference),
                     largestSumError(recorded.logProbabilitySum!.value, reference, actions: actions)].max()!
        guard error <= tolerance else {
            throw Mismatch(network: "attention model (\(problem))", largestError: error, tolerance: tolerance)
        }
        return error
    }

    /// The same check for POMO (TSP: the fused table decoding and the step-by-step tape decoding; CVRP:
    /// the table decoding).
    @discardableResult
    public static func pomo(problem: ProblemKind = .tsp, nodes: Int = 6, batchSize: Int = 2, seed: UInt64 = 11,
                            tolerance: Double = 2e-4) throws -> Double {
        let model = POMOModel(problem: problem, seed: seed)
        var rng = SeededGenerator(seed: seed + 1)
        let batch = problem == .tsp ? ProblemBatch.randomTSP(count: batchSize, nodes: nodes, using: &rng)
            : ProblemBatch.randomCVRP(count: batchSize, customers: nodes - 1, using: &rng)
        let tape = Tape(recording: false)
        let sampled = model.rollout(batch, on: tape, strategy: .sample, using: &rng)
        let actions = Array(sampled.environment.actions.dropFirst())
        let forced = model.rollout(batch, on: tape, strategy: .forced(actions), using: &rng,
                                   keepStepLogProbabilities: true)
        let recorded = model.rollout(batch, on: Tape(), strategy: .forced(actions), using: &rng,
                                     keepStepLogProbabilities: true)
        let reference = ReferenceForward.pomo(model, batch: batch, actions: actions)
        var errors = [largestError(forced.stepLogProbabilities, reference), largestError(recorded.stepLogProbabilities, reference),
                      largestSumError(recorded.logProbabilitySum!.value, reference, actions: actions)]
        if problem == .tsp {
            let stepwise = model.stepwiseRollout(batch, embeddings: model.encode(batch, on: tape), on: tape,
                                                 strategy: .forced(actions), using: &rng, keepStepLogProbabilities: true)
            errors.append(largestError(stepwise.stepLogProbabilities, reference))
        }
        let error = errors.max()!
        guard error <= tolerance else { throw Mismatch(network: "POMO (\(problem))", largestError: error, tolerance: tolerance) }
        return error
    }

    /// Splits batched `[groups, steps · perGroup, n]` log-probabilities into one `[groups · perGroup, n]`
    /// tensor per step (the step-by-step layout).
    static func unstack(_ stacked: Tensor, groups: Int, steps: Int, perGroup: Int = 1) -> [Tensor] {
        let n = stacked.shape.last!
        return (0..<steps).map { step in
            let result = Tensor(uninitializedShape: [groups * perGroup, n])
            for g in 0..<groups {
                let from = stacked.pointer + ((g * steps + step) * perGroup) * n
                (result.pointer + g * perGroup * n).update(from: from, count: perGroup * n)
            }
            return result
        }
    }
}
