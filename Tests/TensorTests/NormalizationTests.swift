import Testing
import RoutingCore
@testable import Tensor

@Suite struct NormalizationTests {
    /// Batch norm in training and evaluation mode has exact gradients for x, γ and β.
    @Test(arguments: [true, false])
    func batchNormGradients(training: Bool) {
        var data = TestData(seed: 101)
        for _ in 0..<2 {
            let channels = data.int(1...4)
            let shape = [data.int(1...3), data.int(2...4), channels]
            let scale = data.parameter("g", [channels]), shift = data.parameter("b", [channels])
            let statistics = RunningStatistics(name: "bn", channels: channels)
            statistics.mean = data.tensor([channels])
            let failures = GradientChecker(step: 3e-3).check(inputs: [data.tensor(shape, bound: 2)], parameters: [scale, shift]) { tape, v in
                tape.batchNorm(v[0], scale: tape.parameter(scale), shift: tape.parameter(shift),
                               statistics: statistics, training: training)
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    /// Training batch norm standardises each channel and moves the running statistics toward the batch's.
    @Test func batchNormStatistics() {
        let tape = Tape()
        let x = tape.constant(Tensor([1, 10, 3, 20, 5, 30], shape: [3, 2]))
        let one = tape.constant(Tensor([1, 1], shape: [2])), zero = tape.constant(Tensor([0, 0], shape: [2]))
        let statistics = RunningStatistics(name: "bn", channels: 2, momentum: 0.5)
        let y = tape.batchNorm(x, scale: one, shift: zero, statistics: statistics, training: true).value
        #expect(abs(y[0, 0] + y[2, 0]) < 1e-5 && abs(y[1, 0]) < 1e-5)
        #expect(abs(y[0, 0] * y[0, 0] + y[2, 0] * y[2, 0] - 3) < 1e-3)
        #expect(abs(statistics.mean[0] - 1.5) < 1e-5 && abs(statistics.mean[1] - 10) < 1e-5)
        // Unbiased variance of (1, 3, 5) is 4: 0.5·1 + 0.5·4.
        #expect(abs(statistics.variance[0] - 2.5) < 1e-4)
        let evaluated = tape.batchNorm(x, scale: one, shift: zero, statistics: statistics, training: false).value
        #expect(abs(evaluated[0, 0] - (1 - 1.5) / (2.5 + 1e-5).squareRoot()) < 1e-5)
    }

    /// Instance norm has exact gradients and normalises each instance separately.
    @Test func instanceNormGradients() {
        var data = TestData(seed: 102)
        let channels = data.int(1...3)
        let shape = [data.int(1...3), data.int(2...4), channels]
        let scale = data.parameter("g", [channels]), shift = data.parameter("b", [channels])
        let failures = GradientChecker(step: 3e-3).check(inputs: [data.tensor(shape, bound: 2)], parameters: [scale, shift]) { tape, v in
            tape.instanceNorm(v[0], scale: tape.parameter(scale), shift: tape.parameter(shift))
        }
        #expect(failures.isEmpty, "\(failures)")
        let tape = Tape()
        let x = tape.constant(Tensor([1, 3, 100, 300], shape: [2, 2, 1]))
        let y = tape.instanceNorm(x, scale: tape.constant(Tensor([1], shape: [1])), shift: tape.constant(Tensor([0], shape: [1])))
        #expect(abs(y.value[0, 0, 0] - y.value[1, 0, 0]) < 1e-4 && y.value[0, 0, 0] < -0.99)
    }

    /// Layer norm has exact gradients and standardises each row.
    @Test func layerNormGradients() {
        var data = TestData(seed: 103)
        let channels = data.int(2...5)
        let scale = data.parameter("g", [channels]), shift = data.parameter("b", [channels])
        let failures = GradientChecker(step: 3e-3).check(inputs: [data.tensor([data.int(1...3), 2, channels], bound: 2)],
                                                         parameters: [scale, shift]) { tape, v in
            tape.layerNorm(v[0], scale: tape.parameter(scale), shift: tape.parameter(shift))
        }
        #expect(failures.isEmpty, "\(failures)")
        let tape = Tape()
        let y = tape.layerNorm(tape.constant(Tensor([2, 4], shape: [1, 2])), scale: tape.constant(Tensor([1, 1], shape: [2])),
                               shift: tape.constant(Tensor([0, 0], shape: [2]))).value
        #expect(abs(y[0, 0] + 1) < 1e-4 && abs(y[0, 1] - 1) < 1e-4)
    }
}
