import Testing
@testable import Policies

@Suite struct PairedTTestTests {
    /// t and the one-sided p equal scipy.stats.ttest_rel's statistic and half its two-sided p-value on
    /// constructed samples (one significant at 0.05, one not).
    @Test func matchesScipyOnConstructedSamples() {
        let significant = PairedTTest(candidate: [3.1, 2.9, 3.4, 3.0, 3.3, 2.8, 3.2, 3.05],
                                      baseline: [3.2, 3.0, 3.3, 3.3, 3.4, 3.0, 3.25, 3.1])
        #expect(abs(significant.t - -2.427907914667537) < 1e-12)
        #expect(abs(significant.pValue - 0.022780109540962448) < 1e-12)
        #expect(significant.degreesOfFreedom == 7)
        #expect(significant.candidateIsBetter(alpha: 0.05))
        let weak = PairedTTest(candidate: [1, 2, 3, 4, 5], baseline: [1.1, 1.9, 3.3, 4.2, 5.05])
        #expect(abs(weak.t - -1.6218615177038676) < 1e-12)
        #expect(abs(weak.pValue - 0.09007591377890785) < 1e-12)
        #expect(!weak.candidateIsBetter(alpha: 0.05))
        #expect(weak.candidateIsBetter(alpha: 0.1))
    }

    /// Constant differences give an infinite t: p = 0 when the candidate is always better, 1 when always
    /// worse, ½ when the costs are equal.
    @Test func constantDifferences() {
        #expect(PairedTTest(candidate: [1, 2, 3], baseline: [2, 3, 4]).pValue == 0)
        #expect(PairedTTest(candidate: [3, 4, 5], baseline: [2, 3, 4]).pValue == 1)
        let equal = PairedTTest(candidate: [1, 2], baseline: [1, 2])
        #expect(equal.pValue == 0.5 && !equal.candidateIsBetter())
    }

    /// A worse candidate has p above ½ and is never better.
    @Test func worseCandidateIsNotBetter() {
        let test = PairedTTest(candidate: [3.2, 3.0, 3.3, 3.3, 3.4], baseline: [3.1, 2.9, 3.4, 3.0, 3.3])
        #expect(test.meanDifference > 0 && test.pValue > 0.5 && !test.candidateIsBetter(alpha: 0.99))
    }
}
