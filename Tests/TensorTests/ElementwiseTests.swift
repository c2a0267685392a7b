import Testing
import RoutingCore
@testable import Tensor

@Suite struct ElementwiseTests {
    /// Shape pairs covering same shape, trailing-vector, middle-axis, leading and two-sided broadcasting.
    static let shapePairs: [([Int], [Int])] = [
        ([2, 3], [2, 3]), ([2, 3, 4], [4]), ([2, 3, 4], [2, 1, 4]), ([3, 1], [1, 4]), ([2, 3, 1], [3, 5]), ([1], [2, 2]),
    ]

    /// add, subtract and multiply give finite-difference-exact gradients under broadcasting.
    @Test(arguments: shapePairs)
    func broadcastingGradients(shapeA: [Int], shapeB: [Int]) {
        var data = TestData(seed: 41)
        let a = data.tensor(shapeA), b = data.tensor(shapeB)
        for operation in 0..<3 {
            let failures = GradientChecker().check(inputs: [a, b]) { tape, x in
                switch operation {
                case 0: tape.add(x[0], x[1])
                case 1: tape.subtract(x[0], x[1])
                default: tape.multiply(x[0], x[1])
                }
            }
            #expect(failures.isEmpty, "op \(operation): \(failures)")
        }
    }

    /// Broadcast values land where NumPy puts them.
    @Test func broadcastForward() {
        let tape = Tape()
        let a = tape.constant(Tensor([1, 2, 3], shape: [3, 1])), b = tape.constant(Tensor([10, 20], shape: [1, 2]))
        let sum = tape.add(a, b)
        #expect(sum.shape == [3, 2])
        #expect(sum.value.scalars == [11, 21, 12, 22, 13, 23])
        #expect(tape.multiply(a, b).value.scalars == [10, 20, 20, 40, 30, 60])
    }

    /// scale multiplies by a constant factor, and its gradient is that factor.
    @Test func scaleGradient() {
        var data = TestData(seed: 42)
        let failures = GradientChecker().check(inputs: [data.tensor([3, 2])]) { tape, x in tape.scale(x[0], by: -2.5) }
        #expect(failures.isEmpty, "\(failures)")
    }
}
