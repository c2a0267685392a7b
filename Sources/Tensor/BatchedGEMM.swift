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
    ///
    /// Attention heads are 16 wide, so two shapes get register-blocked kernels: `n` a multiple of 16
    /// with `B` not transposed (`P·V`, `dS·K`, `Pᵀ·dO`, `dSᵀ·Q`: each 16-column block of a `C` row is summed
    /// in two SIMD8 registers over `k`), and `k = 16` with `B` transposed (`Q·Kᵀ`, `dO·Vᵀ`: the `A` row is
    /// loaded once into registers for every dot product).
    @inline(__always)
    static func small(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if !transposeB && n % 16 == 0 {
            blockedRows(transposeA: transposeA, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                        beta: beta, c: c, ldc: ldc)
            return
        }
        if !transposeA && transposeB && k == 16 {
            sixteenWideDots(m: m, n: n, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
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

    /// `C = alpha·op(A)·B + beta·C` with `n % 16 == 0`: register accumulation per 16-column block.
    @inline(__always)
    static func blockedRows(transposeA: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let rawB = UnsafeRawPointer(b)
        for i in 0..<m {
            var column = 0
            while column < n {
                var sum0 = SIMD8<Float>(), sum1 = SIMD8<Float>()
                for p in 0..<k {
                    let x = transposeA ? a[p * lda + i] : a[i * lda + p]
                    let offset = (p * ldb + column) * 4
                    sum0 += x * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    sum1 += x * rawB.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
                }
                store(sum0, sum1, alpha: alpha, beta: beta, into: c + i * ldc + column)
                column += 16
            }
        }
    }

    /// `C = alpha·A·Bᵀ + beta·C` with `k == 16`: each `A` row held in two registers.
    @inline(__always)
    static func sixteenWideDots(m: Int, n: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
                                b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>,
                                ldc: Int) {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        for i in 0..<m {
            let a0 = rawA.loadUnaligned(fromByteOffset: i * lda * 4, as: SIMD8<Float>.self)
            let a1 = rawA.loadUnaligned(fromByteOffset: i * lda * 4 + 32, as: SIMD8<Float>.self)
            let row = c + i * ldc
            for j in 0..<n {
                let offset = j * ldb * 4
                let product = a0 * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    + a1 * rawB.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
                let value = alpha * product.sum()
                row[j] = beta == 0 ? value : beta * row[j] + value
            }
        }
    }

    /// Writes `alpha·(sum0, sum1) + beta·C` into 16 consecutive floats (C is not read when beta is 0).
    @inline(__always)
    static func store(_ sum0: SIMD8<Float>, _ sum1: SIMD8<Float>, alpha: Float, beta: Float,
                      into target: UnsafeMutablePointer<Float>) {
        let raw = UnsafeMutableRawPointer(target)
        var out0 = alpha * sum0, out1 = alpha * sum1
        if beta != 0 {
            out0 += beta * raw.loadUnaligned(as: SIMD8<Float>.self)
            out1 += beta * raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
        }
        raw.storeBytes(of: out0, as: SIMD8<Float>.self)
        raw.storeBytes(of: out1, toByteOffset: 32, as: SIMD8<Float>.self)
    }
}
