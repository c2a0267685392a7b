import RoutingCore
import Tensor

/// The outcome of decoding a batch with a policy.
public struct Rollout {
    /// Solution cost per row (unit-square lengths).
    public let costs: [Float]
    /// `Σ_t log p(a_t)` per row, `[rows]`, differentiable when the tape recorded.
    public let logProbabilitySum: Variable?
    /// Full `[rows, nodes]` log-probabilities of every step (only when asked for).
    public let stepLogProbabilities: [Tensor]
    /// The environment after the last step (actions, solutions).
    public let environment: any DecodingEnvironment
}

/// Per-step bookkeeping shared by the decoders: collects the chosen log-probabilities and, optionally,
/// the full per-step rows.
struct RolloutRecorder {
    let keepSteps: Bool
    private(set) var chosen: [Variable] = []
    private(set) var steps: [Tensor] = []

    init(keepSteps: Bool) { self.keepSteps = keepSteps }

    /// Records step log-probabilities `[rows, n]` and picks the taken actions' entries when recording.
    mutating func record(_ logProbabilities: Variable, actions: [Int32], on tape: Tape) {
        if keepSteps { steps.append(logProbabilities.value) }
        if logProbabilities.requiresGradient {
            chosen.append(tape.gather(logProbabilities, axis: 1, indices: actions))
        }
    }

    /// The per-row sum `[rows]` of the chosen log-probabilities, or `nil` when nothing was recorded.
    func logProbabilitySum(on tape: Tape) -> Variable? {
        guard !chosen.isEmpty else { return nil }
        return tape.sum(tape.concat(chosen, axis: 1), axis: 1)
    }
}
