import Foundation

/// Linear warm-up to a peak, then cosine decay to a floor, by optimiser step.
///
/// For `step < warmupSteps`: `peak · (step + 1) / warmupSteps` (so the first step already moves).
/// Afterwards, with `p = (step − warmupSteps) / (totalSteps − warmupSteps)` clamped to `[0, 1]`:
/// `final + (peak − final) · (1 + cos πp) / 2`. Steps past `totalSteps` stay at `final`.
public struct WarmupCosineSchedule: LearningRateSchedule, Codable, Equatable {
    /// Rate reached at the end of warm-up.
    public var peakRate: Double
    /// Steps of linear warm-up (0 for none).
    public var warmupSteps: Int
    /// Step at which the cosine reaches ``finalRate``.
    public var totalSteps: Int
    /// Rate at and after ``totalSteps``.
    public var finalRate: Double

    public init(peakRate: Double, warmupSteps: Int, totalSteps: Int, finalRate: Double = 0) {
        precondition(warmupSteps >= 0 && totalSteps >= warmupSteps, "need 0 ≤ warmupSteps ≤ totalSteps")
        self.peakRate = peakRate
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
        self.finalRate = finalRate
    }

    public func rate(epoch: Int, step: Int) -> Double {
        if step < warmupSteps { return peakRate * Double(step + 1) / Double(warmupSteps) }
        let span = totalSteps - warmupSteps
        let progress = span == 0 ? 1 : min(1, Double(step - warmupSteps) / Double(span))
        return finalRate + (peakRate - finalRate) * (1 + cos(.pi * progress)) / 2
    }
}
