import Testing
import RoutingCore
@testable import Tensor

@Suite struct MatMulTests {
    /// matmul matches a naive product and its gradients match finite differences, for every transpose
    /// combination on seeded random shapes (leading dimensions folded into rows).
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func matmulGradients(transposeA: Bool, transposeB: Bool) {
        var data = TestData(seed: 11)
        for _ in 0..<2 {
            let m = data.int(1...5), k = data.int(1...4), n = data.int(1...5)
            let a = data.tensor(transposeA ? [k, m] : [m, k]), b = data.tensor(transposeB ? [n, k] : [k, n])
            let tape = Tape()
            let c = tape.matmul(tape.constant(a), tape.constant(b), transposeA: transposeA, transposeB: transposeB)
            for i in 0..<m {
                for j in 0..<n {
                    var sum: Float = 0
                    for p in 0..<k { sum += (transposeA ? a[p, i] : a[i, p]) * (transposeB ? b[j, p] : b[p, j]) }
                    #expect(abs(c.value[i, j] - sum) < 1e-5)
                }
            }
            let failures = GradientChecker().check(inputs: [a, b]) { tape, x in
                tape.matmul(x[0], x[1], transposeA: transposeA, transposeB: transposeB)
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    /// A rank-3 left operand is folded into rows: `[B, n, k]·[k, m]` has the right shape and gradients.
    @Test func foldedLeadingDimensions() {
        var data = TestData(seed: 12)
        let a = data.tensor([2, 3, 4]), b = data.tensor([4, 5])
        let failures = GradientChecker().check(inputs: [a, b]) { tape, x in tape.matmul(x[0], x[1]) }
        #expect(failures.isEmpty, "\(failures)")
        #expect(Tape().matmul(Variable(index: -1, value: a), Variable(index: -1, value: b)).shape == [2, 3, 5])
    }

    /// batchedMatmul gradients match finite differences for every transpose combination, and large
    /// products (BLAS path) agree with small ones (loop path).
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func batchedGradients(transposeA: Bool, transposeB: Bool) {
        var data = TestData(seed: 13)
        let batches = data.int(1...3), m = data.int(1...4), k = data.int(1...4), n = data.int(1...4)
        let a = data.tensor(transposeA ? [batches, k, m] : [batches, m, k])
        let b = data.tensor(transposeB ? [batches, n, k] : [batches, k, n])
        let failures = GradientChecker().check(inputs: [a, b]) { tape, x in
            tape.batchedMatmul(x[0], x[1], transposeA: transposeA, transposeB: transposeB)
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}
