/// The one-sided paired t-test of the rollout baseline (Kool et al.): is the candidate policy's mean cost
/// on the same instances lower than the baseline policy's?
///
/// With differences `dᵢ = candidateᵢ − baselineᵢ`, `t = mean(d) / (s_d / √n)` (sample standard deviation),
/// `ν = n − 1`, and the p-value of "candidate is better" is `P(T ≤ t)` — half of `scipy.stats.ttest_rel`'s
/// two-sided p when `t < 0`, as Kool's code computes it.
public struct PairedTTest: Sendable, Equatable {
    /// Mean of `candidate − baseline`.
    public let meanDifference: Double
    /// The t statistic (−∞ / +∞ when every difference is the same nonzero value).
    public let t: Double
    /// Degrees of freedom `n − 1`.
    public let degreesOfFreedom: Int
    /// One-sided p-value for "the candidate's costs are lower".
    public let pValue: Double

    /// Tests paired samples (same instances, same order).
    /// - Precondition: equal lengths, at least two pairs.
    public init(candidate: [Double], baseline: [Double]) {
        precondition(candidate.count == baseline.count && candidate.count >= 2,
                     "paired t-test: \(candidate.count) and \(baseline.count) samples")
        let differences = zip(candidate, baseline).map { $0 - $1 }
        let n = Double(differences.count)
        let mean = differences.reduce(0, +) / n
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        meanDifference = mean
        degreesOfFreedom = differences.count - 1
        if variance > 0 {
            t = mean / (variance / n).squareRoot()
            pValue = StudentTDistribution(degreesOfFreedom: n - 1).cumulativeProbability(t)
        } else {
            t = mean < 0 ? -.infinity : (mean > 0 ? .infinity : 0)
            pValue = mean < 0 ? 0 : (mean > 0 ? 1 : 0.5)
        }
    }

    /// Whether the candidate is better at significance level `alpha`: lower mean and `p < alpha`.
    public func candidateIsBetter(alpha: Double = 0.05) -> Bool { meanDifference < 0 && pValue < alpha }
}
