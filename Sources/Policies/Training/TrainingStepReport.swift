/// What one training step measured.
public struct TrainingStepReport: Sendable {
    /// The REINFORCE surrogate loss.
    public let loss: Float
    /// Mean cost of the policy's solutions.
    public let meanCost: Float
    /// Mean cost of the baseline's solutions (greedy rollout or the shared mean).
    public let meanBaseline: Float
    /// Gradient norm before clipping.
    public let gradientNorm: Float
}
