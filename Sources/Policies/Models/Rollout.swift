import RoutingCore
import Tensor

/// The outcome of decoding a batch with a policy.
public struct Rollout {
    /// Solution cost per row (unit-square lengths).
    public let costs: [Float]
    /// `Σ_t log p(a_t)` per row, `[rows]`, differentiable when the tape recorded.
    public let logProbabilitySum: Variable?
    /// Full `[rows, nodes]` log-probabilities of every step from the decoding pass (only when asked for).
    public let stepLogProbabilities: [Tensor]
    /// The batched teacher-forced log-probabilities `[instances, T, …]` behind ``logProbabilitySum`` (when
    /// the tape recorded).
    public let scoredLogProbabilities: Tensor?
    /// The environment after the last step (actions, solutions).
    public let environment: any DecodingEnvironment
}
