/// A family of equally shaped row-major matrices inside one buffer: matrix `(batch, head)` starts at
/// `pointer + batch·batchStride + head·headStride` and has leading dimension `leading`.
///
/// Attention heads stored interleaved in `[B, n, H·d]` are addressed without copies: `leading = H·d`,
/// `batchStride = n·H·d`, `headStride = d`.
struct MatrixBatch {
    var pointer: UnsafeMutablePointer<Float>
    var leading: Int
    var batchStride: Int
    var headStride: Int = 0

    @inline(__always)
    func matrix(_ batch: Int, _ head: Int) -> UnsafeMutablePointer<Float> {
        pointer + batch * batchStride + head * headStride
    }
}

/// Batched `C = alpha·op(A)·op(B) + beta·C` over `batches × heads` matrices.
///
/// Large products go to `cblas_sgemm`; tiny ones (attention heads of a 20-node instance, single-query
/// decoding steps) would be dominated by the library's per-call overhead and run in a SIMD loop instead.
enum BatchedGEMM {
    /// Products with at least this many multiply-adds use `cblas_sgemm`.
    static let blasThreshold = 24 * 24 * 24

    static func run(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                    a: MatrixBatch, b: MatrixBatch, beta: Float, c: MatrixBatch,
                    batches: Int, heads: Int = 1) {
        let useBLAS = m * n * k >= blasThreshold && m > 1 && n > 1
        for batch in 0..<batches {
            for head in 0..<heads {
                let pa = a.matrix(batch, head), pb = b.matrix(batch, head), pc = c.matrix(batch, head)
                if useBLAS {
                    BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                              a: pa, lda: a.leading, b: pb, ldb: b.leading, beta: beta, c: pc, ldc: c.leading)
                } else {
                    small(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                          a: pa, lda: a.leading, b: pb, ldb: b.leading, beta: beta, c: pc, ldc: c.leading)
                }
            }
        }
    }

    /// One product in plain SIMD-friendly loops.
    @inline(__always)
    static func small(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        for i in 0..<m {
            let row = c + i * ldc
            if beta == 0 {
                row.update(repeating: 0, count: n)
            } else if beta != 1 {
                for j in 0..<n { row[j] *= beta }
            }
            switch (transposeA, transposeB) {
            case (false, false):
                for p in 0..<k { Kernels.axpy(alpha * a[i * lda + p], b + p * ldb, row, n) }
            case (true, false):
                for p in 0..<k { Kernels.axpy(alpha * a[p * lda + i], b + p * ldb, row, n) }
            case (false, true):
                let aRow = a + i * lda
                for j in 0..<n { row[j] += alpha * Kernels.dot(aRow, b + j * ldb, k) }
            case (true, true):
                for j in 0..<n {
                    var sum: Float = 0
                    for p in 0..<k { sum += a[p * lda + i] * b[j * ldb + p] }
                    row[j] += alpha * sum
                }
            }
        }
    }
}
