import Foundation
import Testing
@testable import Tensor

/// The ``LearningRateSchedule`` conformers against hand-computed rates.
@Suite struct LearningRateScheduleTests {
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

    /// A constant schedule ignores epoch and step.
    @Test func constantIgnoresProgress() {
        let schedule: some LearningRateSchedule = .constant(1e-4)
        #expect(schedule.rate(epoch: 0, step: 0) == 1e-4)
        #expect(schedule.rate(epoch: 99, step: 123_456) == 1e-4)
    }

    /// Exponential decay: 1e-4 · 0.9^e gives 1e-4, 9e-5, 8.1e-5, and is constant within an epoch.
    @Test func exponentialDecaysPerEpoch() {
        let schedule: some LearningRateSchedule = .exponential(initialRate: 1e-4, decayPerEpoch: 0.9)
        #expect(Self.close(schedule.rate(epoch: 0, step: 0), 1e-4))
        #expect(Self.close(schedule.rate(epoch: 1, step: 0), 9e-5))
        #expect(Self.close(schedule.rate(epoch: 2, step: 500), 8.1e-5))
        #expect(schedule.rate(epoch: 2, step: 0) == schedule.rate(epoch: 2, step: 999))
    }

    /// Step decay halves every 3 epochs (or every 100 steps): 0.1 for 0–2, 0.05 for 3–5, 0.025 at 6.
    @Test func stepDecayDropsEveryInterval() {
        let byEpoch = StepDecaySchedule(initialRate: 0.1, factor: 0.5, interval: 3)
        #expect([0, 2, 3, 5, 6].map { byEpoch.rate(epoch: $0, step: 0) } == [0.1, 0.1, 0.05, 0.05, 0.025])
        let byStep = StepDecaySchedule(initialRate: 0.1, factor: 0.5, interval: 100, unit: .steps)
        #expect([0, 99, 100, 250].map { byStep.rate(epoch: 7, step: $0) } == [0.1, 0.1, 0.05, 0.025])
    }

    /// Warm-up rises linearly to the peak (0.25, 0.5, 0.75, 1 over 4 steps); the cosine passes the
    /// midpoint at half-way and ends at the floor, where it stays.
    @Test func warmupThenCosine() {
        let schedule = WarmupCosineSchedule(peakRate: 1, warmupSteps: 4, totalSteps: 14, finalRate: 0.1)
        #expect((0..<4).map { schedule.rate(epoch: 0, step: $0) } == [0.25, 0.5, 0.75, 1])
        #expect(Self.close(schedule.rate(epoch: 0, step: 4), 1))
        #expect(Self.close(schedule.rate(epoch: 0, step: 9), 0.55))
        #expect(Self.close(schedule.rate(epoch: 0, step: 6), 0.1 + 0.9 * (1 + cos(Double.pi / 5)) / 2))
        #expect(Self.close(schedule.rate(epoch: 0, step: 14), 0.1))
        #expect(Self.close(schedule.rate(epoch: 3, step: 1000), 0.1))
    }

    /// Without warm-up the cosine starts at the peak; when warm-up fills the whole run, the next step is at the floor.
    @Test func cosineEdgeCases() {
        #expect(WarmupCosineSchedule(peakRate: 2, warmupSteps: 0, totalSteps: 10).rate(epoch: 0, step: 0) == 2)
        #expect(WarmupCosineSchedule(peakRate: 2, warmupSteps: 5, totalSteps: 5).rate(epoch: 0, step: 5) == 0)
    }
}
