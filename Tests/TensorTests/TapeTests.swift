import Testing
import RoutingCore
@testable import Tensor

@Suite struct TapeTests {
    /// Operations on constants only, or with recording off, add nothing to the tape.
    @Test func constantsAndNoGradModeRecordNothing() {
        var data = TestData(seed: 1)
        let tape = Tape()
        let a = tape.constant(data.tensor([3, 4])), b = tape.constant(data.tensor([3, 4]))
        let sum = tape.relu(tape.add(a, b))
        #expect(tape.recordCount == 0)
        #expect(!sum.requiresGradient)
        let weight = data.parameter("w", [2, 4])
        let output = tape.withoutRecording { tape.linear(a, weight: tape.parameter(weight)) }
        #expect(tape.recordCount == 0)
        #expect(!output.requiresGradient)
        #expect(output.shape == [3, 2])
    }

    /// Parameter gradients accumulate across uses on one tape and across backward passes.
    @Test func parameterGradientsAccumulate() {
        let parameter = Parameter(name: "p", value: Tensor([1, 2, 3], shape: [3]))
        for _ in 0..<2 {
            let tape = Tape()
            let p = tape.parameter(parameter)
            #expect(tape.parameter(parameter).index == p.index)
            tape.backward(tape.sum(tape.add(p, p)))
        }
        #expect(parameter.gradient.scalars == [4, 4, 4])
        parameter.zeroGradient()
        #expect(parameter.gradient.scalars == [0, 0, 0])
    }

    /// A value used by two ops receives the sum of both gradients.
    @Test func fanOutSumsGradients() {
        let tape = Tape()
        let x = tape.input(Tensor([1, -2], shape: [2]))
        let y = tape.add(tape.scale(x, by: 3), tape.multiply(x, x))
        tape.backward(tape.sum(y))
        #expect(tape.gradient(of: x)?.scalars == [5, -1])
    }

    /// After reset the tape is empty and can record a new step.
    @Test func resetClearsTheTape() {
        let tape = Tape()
        let x = tape.input(Tensor([1, 2], shape: [2]))
        _ = tape.relu(x)
        #expect(tape.recordCount == 1)
        tape.reset()
        #expect(tape.recordCount == 0)
        let y = tape.input(Tensor([3], shape: [1]))
        tape.backward(tape.sum(tape.scale(y, by: 2)))
        #expect(tape.gradient(of: y)?.scalars == [2])
    }
}
