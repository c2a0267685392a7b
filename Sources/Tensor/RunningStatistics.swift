/// Running mean and variance of a batch-norm layer, used in evaluation mode and updated in training
/// mode as `running = (1 − momentum)·running + momentum·batch` (unbiased batch variance), as in PyTorch.
public final class RunningStatistics: @unchecked Sendable {
    /// Name prefix used in checkpoints (`encoder.layers.0.norm1`).
    public let name: String
    /// Running per-channel mean, `[channels]`.
    public var mean: Tensor
    /// Running per-channel variance, `[channels]`.
    public var variance: Tensor
    /// Weight of the newest batch in the running averages.
    public var momentum: Float

    /// Statistics for `channels` channels starting at mean 0, variance 1.
    public init(name: String, channels: Int, momentum: Float = 0.1) {
        self.name = name
        mean = Tensor(zeros: [channels])
        variance = Tensor(repeating: 1, shape: [channels])
        self.momentum = momentum
    }

    /// Number of channels.
    public var channels: Int { mean.count }

    /// Folds one batch's statistics into the running averages.
    func update(batchMean: UnsafePointer<Double>, batchVariance: UnsafePointer<Double>, count: Double) {
        let m = mean.pointer, v = variance.pointer
        let correction = count > 1 ? count / (count - 1) : 1
        for c in 0..<channels {
            m[c] = (1 - momentum) * m[c] + momentum * Float(batchMean[c])
            v[c] = (1 - momentum) * v[c] + momentum * Float(batchVariance[c] * correction)
        }
    }
}
