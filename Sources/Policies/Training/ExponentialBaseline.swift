/// The exponential moving-average baseline of REINFORCE (Kool et al.'s `ExponentialBaseline`, β = 0.8):
/// every instance of a batch gets `v ← β·v + (1 − β)·mean(batch costs)`, the first batch its own mean.
///
/// The batch's own mean enters its baseline, as in the reference code; the value is then kept for the
/// next batch.
public struct ExponentialBaseline: Sendable, Equatable, Codable {
    /// Weight of the previous value.
    public let beta: Float
    /// The current value, `nil` before the first batch.
    public private(set) var value: Float?

    public init(beta: Float = 0.8, value: Float? = nil) {
        precondition(beta >= 0 && beta < 1, "beta must be in [0, 1)")
        self.beta = beta
        self.value = value
    }

    /// The baseline for a batch with mean cost `batchMean` (does not change the state).
    public func value(afterBatchMean batchMean: Float) -> Float {
        guard let value else { return batchMean }
        return beta * value + (1 - beta) * batchMean
    }

    /// Moves the average to ``value(afterBatchMean:)``; a non-finite mean is ignored (a skipped step).
    public mutating func update(batchMean: Float) {
        guard batchMean.isFinite else { return }
        value = value(afterBatchMean: batchMean)
    }
}
