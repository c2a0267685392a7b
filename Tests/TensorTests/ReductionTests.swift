import Testing
import RoutingCore
@testable import Tensor

@Suite struct ReductionTests {
    /// sum and mean over everything and over each axis have exact gradients.
    @Test(arguments: [-1, 0, 1, 2])
    func gradients(axis: Int) {
        var data = TestData(seed: 91)
        let x = data.tensor([data.int(1...3), data.int(1...4), data.int(1...3)])
        for mean in [false, true] {
            let failures = GradientChecker().check(inputs: [x]) { tape, v in
                switch (axis, mean) {
                case (-1, false): tape.sum(v[0])
                case (-1, true): tape.mean(v[0])
                case (_, false): tape.sum(v[0], axis: axis)
                default: tape.mean(v[0], axis: axis)
                }
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    /// The graph embedding (mean over nodes) averages the right entries.
    @Test func meanOverAxis() {
        let tape = Tape()
        let x = tape.constant(Tensor([1, 2, 3, 4, 5, 6], shape: [1, 3, 2]))
        #expect(tape.mean(x, axis: 1).value.scalars == [3, 4])
        #expect(tape.sum(x).value.scalars == [21])
        #expect(tape.sum(x).shape == [])
    }
}
