import Testing
@testable import Policies

@Suite struct RolloutBaselineTests {
    static let baselineCosts = [3.2, 3.0, 3.3, 3.3, 3.4, 3.0, 3.25, 3.1]

    /// The decision follows Kool: no test when the candidate is not better on average; replace when the
    /// one-sided p is below α; keep when the improvement is not significant.
    @Test func replacementDecision() {
        let better = [3.1, 2.9, 3.4, 3.0, 3.3, 2.8, 3.2, 3.05]  // p = 0.0228
        let decided = RolloutBaseline.decide(candidate: better, baseline: Self.baselineCosts, alpha: 0.05)
        #expect(decided.replace && decided.test != nil)
        #expect(!RolloutBaseline.decide(candidate: better, baseline: Self.baselineCosts, alpha: 0.01).replace)
        let worse = Self.baselineCosts.map { $0 + 0.1 }
        let notTested = RolloutBaseline.decide(candidate: worse, baseline: Self.baselineCosts, alpha: 0.05)
        #expect(notTested.test == nil && !notTested.replace)
    }

    /// On replacement the weights are copied and a new evaluation set is drawn; when kept, the baseline's
    /// costs are reused (evaluated once) and the set stays.
    @Test func epochEndReplacesAndRedraws() {
        var baseline = RolloutBaseline(evaluationSize: 8, evaluationSeed: 11)
        var baselineEvaluations = 0, replacements = 0
        var policyCosts = Self.baselineCosts.map { $0 + 0.05 }
        func check() -> RolloutBaseline.Outcome {
            baseline.epochEnded(evaluatePolicy: { _ in policyCosts },
                                evaluateBaseline: { seed in
                                    #expect(seed == 11)
                                    baselineEvaluations += 1
                                    return Self.baselineCosts
                                },
                                replaceBaseline: { replacements += 1 }, nextSeed: { 99 })
        }
        let kept = check()
        #expect(!kept.replaced && baseline.evaluationSeed == 11)
        policyCosts = [3.1, 2.9, 3.4, 3.0, 3.3, 2.8, 3.2, 3.05]
        let replaced = check()
        #expect(replaced.replaced && replacements == 1 && baseline.evaluationSeed == 99)
        #expect(baselineEvaluations == 1)
        #expect(abs(replaced.baselineMean - Self.baselineCosts.reduce(0, +) / 8) < 1e-12)
    }
}
