import Foundation
import Testing
import RoutingCore
@testable import Tensor

@Suite struct ActivationTests {
    /// relu, tanh (plain and 10·tanh clipping) and sigmoid give finite-difference-exact gradients.
    @Test(arguments: 0..<4)
    func gradients(kind: Int) {
        var data = TestData(seed: 51)
        let shape = [data.int(1...3), data.int(2...5)]
        // Keep ReLU inputs away from the kink so the finite differences are smooth.
        let x = data.tensor(shape, bound: 2)
        for i in 0..<x.count where abs(x.pointer[i]) < 0.1 { x.pointer[i] += 0.3 }
        let failures = GradientChecker(step: kind == 2 ? 2e-3 : 1e-2).check(inputs: [x]) { tape, v in
            switch kind {
            case 0: tape.relu(v[0])
            case 1: tape.tanh(v[0])
            case 2: tape.tanh(v[0], scale: 10)
            default: tape.sigmoid(v[0])
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Forward values match the definitions.
    @Test func forwardValues() {
        let tape = Tape()
        let x = tape.constant(Tensor([-1, 0.5], shape: [2]))
        #expect(tape.relu(x).value.scalars == [0, 0.5])
        #expect(abs(tape.tanh(x, scale: 10).value[1] - 10 * Foundation.tanh(0.5)) < 1e-5)
        #expect(abs(tape.sigmoid(x).value[0] - 1 / (1 + Foundation.exp(1))) < 1e-6)
    }
}
