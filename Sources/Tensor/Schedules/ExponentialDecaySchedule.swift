import Foundation

/// `initialRate · decay^epoch`: the rate shrinks by a constant factor each epoch, as Kool et al.'s
/// `lr_decay` (a `LambdaLR` stepped once per epoch; 1.0 in their published runs keeps it constant).
public struct ExponentialDecaySchedule: LearningRateSchedule, Codable, Equatable {
    /// Rate in epoch 0.
    public var initialRate: Double
    /// Factor applied per epoch.
    public var decay: Double

    public init(initialRate: Double, decay: Double) {
        self.initialRate = initialRate
        self.decay = decay
    }

    public func rate(epoch: Int, step: Int) -> Double { initialRate * pow(decay, Double(epoch)) }
}

extension LearningRateSchedule where Self == ExponentialDecaySchedule {
    /// `initialRate · decay^epoch`.
    public static func exponential(initialRate: Double, decayPerEpoch: Double) -> ExponentialDecaySchedule {
        ExponentialDecaySchedule(initialRate: initialRate, decay: decayPerEpoch)
    }
}
