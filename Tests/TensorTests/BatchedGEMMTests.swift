import Testing
import RoutingCore
@testable import Tensor

@Suite struct BatchedGEMMTests {
    /// The SIMD loop kernel equals sgemm for all transposes, strides, alpha and beta.
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func smallKernelMatchesBLAS(transposeA: Bool, transposeB: Bool) {
        var data = TestData(seed: 21)
        let (m, n, k) = (5, 19, 21)
        let a = data.tensor([40 * 40]), b = data.tensor([40 * 40])
        let c1 = data.tensor([40 * 40]), c2 = c1.copy()
        let lda = (transposeA ? m : k) + 3, ldb = (transposeB ? k : n) + 2, ldc = n + 4
        BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.7,
                  a: a.pointer, lda: lda, b: b.pointer, ldb: ldb, beta: 0.5, c: c1.pointer, ldc: ldc)
        BatchedGEMM.small(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.7,
                          a: a.pointer, lda: lda, b: b.pointer, ldb: ldb, beta: 0.5, c: c2.pointer, ldc: ldc)
        for i in 0..<c1.count { #expect(abs(c1.pointer[i] - c2.pointer[i]) < 1e-4) }
    }

    /// The register-blocked kernels for 16-wide attention heads (`n` a multiple of 16 without transposed
    /// B, `k = 16` with transposed B) equal sgemm, with strides, alpha and beta 0 or 0.5.
    @Test(arguments: [(false, false, 3, 32, 7), (true, false, 4, 16, 5), (false, true, 5, 9, 16),
                      (false, false, 1, 16, 20), (false, true, 1, 20, 16), (false, false, 9, 16, 6),
                      (true, false, 6, 32, 3)])
    func headKernelsMatchBLAS(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int) {
        var data = TestData(seed: 22)
        for beta: Float in [0, 0.5] {
            let a = data.tensor([40 * 40]), b = data.tensor([40 * 40])
            let c1 = data.tensor([40 * 40]), c2 = c1.copy()
            let lda = (transposeA ? m : k) + 3, ldb = (transposeB ? k : n) + 2, ldc = n + 4
            BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.7,
                      a: a.pointer, lda: lda, b: b.pointer, ldb: ldb, beta: beta, c: c1.pointer, ldc: ldc)
            BatchedGEMM.small(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.7,
                              a: a.pointer, lda: lda, b: b.pointer, ldb: ldb, beta: beta, c: c2.pointer, ldc: ldc)
            for i in 0..<c1.count { #expect(abs(c1.pointer[i] - c2.pointer[i]) < 1e-4) }
        }
    }
}
