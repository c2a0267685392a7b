import Foundation
import Testing
import RoutingCore
@testable import Tensor

@Suite struct LSTMCellTests {
    /// The fused LSTM step has exact gradients for input, both states and all weights, through both outputs.
    @Test func gradients() {
        var data = TestData(seed: 111)
        let batch = data.int(1...3), inputs = data.int(1...3), units = data.int(1...3)
        var rng = SeededGenerator(seed: 5)
        let cell = LSTMCell(name: "lstm", inputs: inputs, units: units, using: &rng)
        let x = data.tensor([batch, inputs]), h = data.tensor([batch, units]), c = data.tensor([batch, units])
        let failures = GradientChecker().check(inputs: [x, h, c], parameters: cell.parameters) { tape, v in
            let state = cell(v[0], hidden: v[1], cell: v[2], on: tape)
            return tape.concat([state.hidden, tape.scale(state.cell, by: 0.7)], axis: 1)
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// One step matches the LSTM equations computed by hand.
    @Test func forwardMatchesEquations() {
        var rng = SeededGenerator(seed: 6)
        let cell = LSTMCell(name: "lstm", inputs: 1, units: 1, using: &rng)
        let tape = Tape()
        let state = cell(tape.constant(Tensor([0.5], shape: [1, 1])), hidden: tape.constant(Tensor([-0.3], shape: [1, 1])),
                         cell: tape.constant(Tensor([0.2], shape: [1, 1])), on: tape)
        let w = cell.inputWeight.value.scalars, u = cell.hiddenWeight.value.scalars, b = cell.bias.value.scalars
        func gate(_ k: Int) -> Float { 0.5 * w[k] - 0.3 * u[k] + b[k] }
        func sigmoid(_ x: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }
        let c2 = sigmoid(gate(1)) * 0.2 + sigmoid(gate(0)) * Foundation.tanh(gate(2))
        #expect(abs(state.cell.value[0, 0] - c2) < 1e-6)
        #expect(abs(state.hidden.value[0, 0] - sigmoid(gate(3)) * Foundation.tanh(c2)) < 1e-6)
    }
}
