import Testing
import RoutingCore
@testable import Tensor

@Suite struct GradientClippingTests {
    static func parameters(gradients: [[Float]]) -> [Parameter] {
        gradients.enumerated().map { index, values in
            let parameter = Parameter(name: "p\(index)", value: Tensor(zeros: [values.count]))
            parameter.gradient = Tensor(values, shape: [values.count])
            return parameter
        }
    }

    /// The global norm spans all parameters: gradients (3) and (4, 0) have norm 5.
    @Test func globalNormSpansParameters() {
        #expect(GradientClipping.globalNorm(Self.parameters(gradients: [[3], [4, 0]])) == 5)
        #expect(GradientClipping.globalNorm([]) == 0)
    }

    /// The norm of a long seeded gradient (not a multiple of the vector width) matches a Double loop.
    @Test func longGradientNormMatchesDoubleLoop() {
        var rng = SeededGenerator(seed: 9)
        let parameter = Parameter(name: "w", value: Tensor(zeros: [1003]))
        parameter.gradient = .normal([1003], using: &rng)
        let expected = parameter.gradient.scalars.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        #expect(abs(Double(GradientClipping.globalNorm([parameter])) - expected) < 1e-5 * expected)
    }

    /// Gradients above the limit are scaled to norm maxNorm (directions kept); the pre-clip norm is returned.
    @Test func clipsToMaxNorm() {
        let parameters = Self.parameters(gradients: [[3], [4, 0]])
        let norm = GradientClipping.clipGlobalNorm(parameters, maxNorm: 1)
        #expect(norm == 5)
        #expect(abs(parameters[0].gradient[0] - 0.6) < 1e-6)
        #expect(abs(parameters[1].gradient[0] - 0.8) < 1e-6)
        #expect(abs(GradientClipping.globalNorm(parameters) - 1) < 1e-5)
    }

    /// Gradients within the limit are left exactly as they were.
    @Test func leavesSmallGradientsAlone() {
        let parameters = Self.parameters(gradients: [[0.3], [0.4, 0]])
        #expect(abs(GradientClipping.clipGlobalNorm(parameters, maxNorm: 1) - 0.5) < 1e-7)
        #expect(parameters[0].gradient.scalars == [0.3])
        #expect(parameters[1].gradient.scalars == [0.4, 0])
    }

    /// A NaN or infinite gradient yields a non-finite norm and leaves every gradient untouched.
    @Test(arguments: [Float.nan, .infinity, -.infinity])
    func reportsNonFiniteGradients(bad: Float) {
        let parameters = Self.parameters(gradients: [[3], [bad, 100]])
        #expect(!GradientClipping.clipGlobalNorm(parameters, maxNorm: 1).isFinite)
        #expect(parameters[0].gradient.scalars == [3])
        #expect(parameters[1].gradient[1] == 100)
    }

    /// Huge but finite Float gradients, whose squares overflow Float, still give the finite norm.
    @Test func hugeGradientsDoNotOverflow() {
        let parameters = Self.parameters(gradients: [[3e30, 4e30]])
        #expect(abs(GradientClipping.globalNorm(parameters) / 5e30 - 1) < 1e-6)
    }
}
