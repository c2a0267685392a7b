import Testing
import RoutingCore
@testable import Tensor

@Suite struct BLASTests {
    /// gemm with every transpose combination equals a naive triple loop on seeded random matrices.
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func gemmMatchesNaive(transposeA: Bool, transposeB: Bool) {
        var rng = SeededGenerator(seed: 7)
        let (m, n, k) = (5, 7, 3)
        let a = Tensor.uniform(transposeA ? [k, m] : [m, k], bound: 1, using: &rng)
        let b = Tensor.uniform(transposeB ? [n, k] : [k, n], bound: 1, using: &rng)
        let c = Tensor(zeros: [m, n])
        BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                  a: a.buffer.pointer, b: b.buffer.pointer, c: c.buffer.pointer)
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                for p in 0..<k {
                    sum += (transposeA ? a[p, i] : a[i, p]) * (transposeB ? b[j, p] : b[p, j])
                }
                #expect(abs(c[i, j] - sum) < 1e-5)
            }
        }
    }

    /// Buffers released to the pool are reused for requests of the same bucket.
    @Test func poolReusesBuffers() {
        var first: UnsafeMutablePointer<Float>?
        do {
            let t = Tensor(zeros: [1000, 3])
            first = t.buffer.pointer
        }
        let again = Tensor(zeros: [3000])
        #expect(again.buffer.pointer == first)
        #expect(again.scalars.allSatisfy { $0 == 0 })
    }
}
