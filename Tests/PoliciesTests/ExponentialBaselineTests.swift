import Testing
@testable import Policies

@Suite struct ExponentialBaselineTests {
    /// The first batch's baseline is its own mean; later ones β·v + (1 − β)·mean with β = 0.8.
    @Test func movingAverageUpdate() {
        var baseline = ExponentialBaseline()
        #expect(baseline.value == nil)
        #expect(baseline.value(afterBatchMean: 5) == 5)
        baseline.update(batchMean: 5)
        #expect(baseline.value == 5)
        #expect(abs(baseline.value(afterBatchMean: 10) - 6) < 1e-6)
        baseline.update(batchMean: 10)
        baseline.update(batchMean: 0)
        #expect(abs(baseline.value! - 4.8) < 1e-5)
    }

    /// A non-finite batch mean (a skipped step) leaves the average unchanged.
    @Test func nonFiniteMeanIgnored() {
        var baseline = ExponentialBaseline(value: 3)
        baseline.update(batchMean: .nan)
        baseline.update(batchMean: .infinity)
        #expect(baseline.value == 3)
    }
}
