import Testing
@testable import Policies

@Suite struct StudentTDistributionTests {
    /// The t CDF matches scipy.stats.t.cdf (scipy 1.17) at negative, positive, small and large ν.
    @Test(arguments: [(-2.0, 5.0, 0.050969739414929174), (0.5, 3.0, 0.6742760175759245),
                      (-0.3, 30.0, 0.3831230526421764), (-6.0, 1000.0, 1.3776845866887376e-09),
                      (1.7, 2.0, 0.8843832868992144)])
    func cumulativeProbabilityMatchesScipy(t: Double, nu: Double, expected: Double) {
        let value = StudentTDistribution(degreesOfFreedom: nu).cumulativeProbability(t)
        #expect(abs(value - expected) <= 1e-10 * max(1e-9, expected) + 1e-15, "t=\(t) ν=\(nu): \(value)")
    }

    /// The regularized incomplete beta matches scipy.special.betainc, including both sides of the
    /// continued fraction's switch point and a tiny value.
    @Test(arguments: [(0.3, 2.0, 3.0, 0.34829999999999994), (0.9, 0.5, 0.5, 0.7951672353008665),
                      (0.01, 10.0, 0.5, 1.770034965528571e-21), (0.7, 50.0, 2.0, 2.87754406823585e-07)])
    func incompleteBetaMatchesScipy(x: Double, a: Double, b: Double, expected: Double) {
        let value = StudentTDistribution.regularizedIncompleteBeta(x, a: a, b: b)
        #expect(abs(value - expected) <= 1e-10 * expected, "I_\(x)(\(a), \(b)) = \(value)")
    }

    /// The CDF is symmetric (F(−t) = 1 − F(t)), ½ at 0, and reaches 0 and 1 at the infinities.
    @Test func symmetryAndLimits() {
        let distribution = StudentTDistribution(degreesOfFreedom: 7)
        for t in [0.1, 0.9, 2.5, 11.0] {
            #expect(abs(distribution.cumulativeProbability(-t) - (1 - distribution.cumulativeProbability(t))) < 1e-14)
        }
        #expect(abs(distribution.cumulativeProbability(0) - 0.5) < 1e-15)
        #expect(distribution.cumulativeProbability(-.infinity) == 0)
        #expect(distribution.cumulativeProbability(.infinity) == 1)
    }
}
