import Testing
import RoutingCore
@testable import Tensor

@Suite struct LinearTests {
    /// linear with bias and each fused activation has finite-difference-exact gradients for x, W and b.
    @Test(arguments: [FusedActivation.identity, .relu])
    func gradients(activation: FusedActivation) {
        var data = TestData(seed: 31)
        for _ in 0..<2 {
            let rows = data.int(1...4), inputs = data.int(1...5), outputs = data.int(1...5)
            let weight = data.parameter("w", [outputs, inputs]), bias = data.parameter("b", [outputs])
            let x = data.tensor([rows, 2, inputs])
            let failures = GradientChecker().check(inputs: [x], parameters: [weight, bias]) { tape, v in
                tape.linear(v[0], weight: tape.parameter(weight), bias: tape.parameter(bias), activation: activation)
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    /// The layer computes x·Wᵀ + b, and without bias its only parameter is the weight.
    @Test func layerForward() {
        var rng = SeededGenerator(seed: 3)
        let layer = Linear(name: "fc", inputs: 3, outputs: 2, using: &rng)
        let x = Tensor([1, 2, 3], shape: [1, 3])
        let y = layer(Tape().constant(x), on: Tape())
        for j in 0..<2 {
            var expected = layer.bias!.value[j]
            for i in 0..<3 { expected += layer.weight.value[j, i] * x[0, i] }
            #expect(abs(y.value[0, j] - expected) < 1e-5)
        }
        #expect(Linear(name: "n", inputs: 3, outputs: 2, bias: false, using: &rng).parameters.count == 1)
        #expect(layer.parameters.map(\.name) == ["fc.weight", "fc.bias"])
    }
}
