import Foundation

/// `initialRate · factor^⌊count / interval⌋`, where `count` is the epoch or the step: the rate drops by
/// `factor` every `interval` epochs (or steps), like `torch.optim.lr_scheduler.StepLR`.
public struct StepDecaySchedule: LearningRateSchedule, Codable, Equatable {
    /// What ``interval`` counts.
    public enum Unit: String, Codable, Sendable {
        case epochs, steps
    }

    /// Rate before the first drop.
    public var initialRate: Double
    /// Multiplier at each drop.
    public var factor: Double
    /// Epochs or steps between drops (positive).
    public var interval: Int
    /// Whether ``interval`` counts epochs or steps.
    public var unit: Unit

    public init(initialRate: Double, factor: Double, interval: Int, unit: Unit = .epochs) {
        precondition(interval > 0, "interval must be positive")
        self.initialRate = initialRate
        self.factor = factor
        self.interval = interval
        self.unit = unit
    }

    public func rate(epoch: Int, step: Int) -> Double {
        let count = unit == .epochs ? epoch : step
        return initialRate * pow(factor, Double(count / interval))
    }
}
