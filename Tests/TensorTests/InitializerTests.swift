import Foundation
import Testing
import RoutingCore
@testable import Tensor

@Suite struct InitializerTests {
    /// Fans follow PyTorch: [out, in] → (in, out); [out, in, 3, 3] → (9·in, 9·out); vectors and scalars get defaults.
    @Test func fansFollowPyTorch() {
        #expect(Fans(shape: [64, 32]) == Fans(fanIn: 32, fanOut: 64))
        #expect(Fans(shape: [8, 4, 3, 3]) == Fans(fanIn: 36, fanOut: 72))
        #expect(Fans(shape: [10]) == Fans(fanIn: 10, fanOut: 10))
        #expect(Fans(shape: []) == Fans(fanIn: 1, fanOut: 1))
    }

    /// Each uniform scheme stays inside its hand-computed bound and reaches close to it.
    @Test(arguments: [
        (Initializer.uniformLastDimension, [8, 128, 16], Float(0.25)),       // Kool: 1/√16
        (.uniformLastDimension, [128, 2], 1 / Float(2).squareRoot()),
        (.uniformFanIn, [50, 200], Float(1) / Float(200).squareRoot()),
        (.xavierUniform(gain: 1), [100, 200], Float(6.0 / 300).squareRoot()),
        (.kaimingUniform(gain: Initializer.reluGain), [40, 150], Float(2).squareRoot() * Float(3.0 / 150).squareRoot()),
        (.uniform(bound: 0.3), [1000], Float(0.3)),
    ])
    func uniformSchemesRespectBounds(initializer: Initializer, shape: [Int], bound: Float) {
        var rng = SeededGenerator(seed: 1)
        let values = initializer.tensor(shape: shape, using: &rng).scalars
        let largest = values.map(abs).max() ?? 0
        #expect(largest <= bound)
        #expect(largest > 0.95 * bound)
        #expect(values.contains { $0 < 0 } && values.contains { $0 > 0 })
    }

    /// Normal schemes have the hand-computed standard deviation (sample of 20 000, within 3 %).
    @Test(arguments: [
        (Initializer.xavierNormal(gain: 1), [100, 200], (2.0 / 300).squareRoot()),
        (.kaimingNormal(gain: Initializer.reluGain), [200, 100], (2.0 / 100).squareRoot()),
    ])
    func normalSchemesHaveTheirSpread(initializer: Initializer, shape: [Int], standardDeviation: Double) {
        var rng = SeededGenerator(seed: 2)
        let values = initializer.tensor(shape: shape, using: &rng).scalars.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let spread = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        #expect(abs(spread / standardDeviation - 1) < 0.03)
        #expect(abs(mean) < 0.05 * standardDeviation)
    }

    /// The same seed gives the same weights; another seed gives different ones.
    @Test func drawsAreDeterministic() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = Initializer.xavierUniform(gain: 1).tensor(shape: [5, 7], using: &a).scalars
        #expect(first == Initializer.xavierUniform(gain: 1).tensor(shape: [5, 7], using: &b).scalars)
        #expect(first != Initializer.xavierUniform(gain: 1).tensor(shape: [5, 7], using: &c).scalars)
    }

    /// Initialising parameters writes in place, in order; zeros and constants fill exactly.
    @Test func initializesParametersInPlace() {
        let weight = Parameter(name: "w", value: Tensor(repeating: 9, shape: [3, 4]))
        let bias = Parameter(name: "b", value: Tensor(repeating: 9, shape: [3]))
        let storage = weight.value.buffer.pointer
        var rng = SeededGenerator(seed: 7)
        Initializer.uniformLastDimension.initialize([weight, bias], using: &rng)
        #expect(weight.value.buffer.pointer == storage)
        #expect(weight.value.scalars.allSatisfy { abs($0) <= 0.5 })
        #expect(bias.value.scalars.allSatisfy { abs($0) <= 1 / Float(3).squareRoot() && $0 != 9 })
        Initializer.zeros.initialize([bias], using: &rng)
        #expect(bias.value.scalars == [0, 0, 0])
        Initializer.constant(1).initialize([weight], using: &rng)
        #expect(weight.value.scalars.allSatisfy { $0 == 1 })
    }
}
