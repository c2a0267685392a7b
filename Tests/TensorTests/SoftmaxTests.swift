import Foundation
import Testing
import RoutingCore
@testable import Tensor

@Suite struct SoftmaxTests {
    /// softmax and log-softmax with a random mask (including fully masked rows) have
    /// finite-difference-exact gradients on seeded random shapes, short rows and rows with an
    /// eight-wide SIMD body plus a tail.
    @Test(arguments: [false, true])
    func maskedGradients(logarithmic: Bool) {
        var data = TestData(seed: 61)
        for columns in [2...6, 2...6, 2...6, 9...19] {
            let shape = [data.int(1...3), data.int(1...3), data.int(columns)]
            let x = data.tensor(shape, bound: 3)
            let mask = data.mask(shape, rate: 0.4)
            let failures = GradientChecker().check(inputs: [x]) { tape, v in
                logarithmic ? tape.logSoftmax(v[0], mask: mask) : tape.softmax(v[0], mask: mask)
            }
            #expect(failures.isEmpty, "\(failures)")
            let unmasked = GradientChecker().check(inputs: [x]) { tape, v in
                logarithmic ? tape.logSoftmax(v[0]) : tape.softmax(v[0])
            }
            #expect(unmasked.isEmpty, "\(unmasked)")
        }
    }

    /// Masked entries get probability 0 (log −∞), rows sum to one, and a fully masked row is all zeros.
    @Test func maskedForward() {
        let tape = Tape()
        let x = tape.constant(Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]))
        let mask = Mask([false, true, false, true, true, true], shape: [2, 3])
        let p = tape.softmax(x, mask: mask).value
        #expect(p[0, 1] == 0)
        #expect(abs(p[0, 0] + p[0, 2] - 1) < 1e-6)
        #expect(abs(p[0, 2] / p[0, 0] - Float(Foundation.exp(2.0))) < 1e-4)
        #expect((0..<3).allSatisfy { p[1, $0] == 0 })
        let logP = tape.logSoftmax(x, mask: mask).value
        #expect(logP[0, 1] == -.infinity)
        #expect(abs(Foundation.exp(logP[0, 0]) - p[0, 0]) < 1e-6)
        #expect((0..<3).allSatisfy { logP[1, $0] == 0 })
    }
}
