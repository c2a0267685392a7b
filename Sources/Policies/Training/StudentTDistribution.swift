import Foundation

/// Student's t distribution: the cumulative distribution function through the regularized incomplete
/// beta function, `P(T ≤ t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½)` for `t ≥ 0` and its mirror for `t < 0`.
public struct StudentTDistribution: Sendable {
    /// Degrees of freedom ν (> 0).
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "Student t needs positive degrees of freedom")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// `P(T ≤ t)`; 0 at −∞, 1 at +∞, NaN for NaN.
    public func cumulativeProbability(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t == -.infinity { return 0 }
        if t == .infinity { return 1 }
        let nu = degreesOfFreedom
        let tail = 0.5 * Self.regularizedIncompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t < 0 ? tail : 1 - tail
    }

    /// The regularized incomplete beta function `I_x(a, b)` for `0 ≤ x ≤ 1`, `a, b > 0`, by the continued
    /// fraction of Numerical Recipes §6.4 (modified Lentz), evaluated on the side where it converges fast
    /// (`I_x(a, b) = 1 − I_{1−x}(b, a)`); relative accuracy about 1e-14.
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0, "incomplete beta needs a, b > 0")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
    }

    /// The continued fraction of `I_x(a, b)` (converges for `x < (a + 1)/(a + b + 2)`).
    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-15
        let sum = a + b, plusOne = a + 1, minusOne = a - 1
        var c = 1.0
        var d = 1 - sum * x / plusOne
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), twoM = 2 * m
            // Even step.
            var numerator = m * (b - m) * x / ((minusOne + twoM) * (a + twoM))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            numerator = -(a + m) * (sum + m) * x / ((a + twoM) * (plusOne + twoM))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}
