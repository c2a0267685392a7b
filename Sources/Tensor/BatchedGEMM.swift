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

    /// The single matrix `(batch, head)` as a one-matrix family.
    @inline(__always)
    func offset(_ batch: Int, _ head: Int) -> MatrixBatch {
        MatrixBatch(pointer: matrix(batch, head), leading: leading, batchStride: 0)
    }
}

/// Batched `C = alpha·op(A)·op(B) + beta·C` over `batches × heads` matrices.
///
/// Large products go to `cblas_sgemm`; tiny ones (single-query decoding steps, heads of instances with
/// fewer than ~16 nodes) would be dominated by the library's per-call overhead and run in a SIMD loop
/// instead.
enum BatchedGEMM {
    /// Products with at least this many multiply-adds use `cblas_sgemm`. 16³ sends the 20-node attention
    /// heads (20 × 20 × 16 = 6,400) to `sgemm`, which measured ~3 % faster on pomo-train-tsp20-b64 than the
    /// SIMD loops (am-train-tsp20 and single-query decoding unchanged); 64³ made pomo-train-tsp50 20 % slower.
    static let blasThreshold = 16 * 16 * 16

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

    /// `C = alpha·op(A)·B + beta·C` with `n % 16 == 0`: register accumulation per 16-column block, four
    /// rows at a time (eight independent accumulators hide the add latency; each `B` load feeds four rows).
    @inline(__always)
    static func blockedRows(transposeA: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let rawB = UnsafeRawPointer(b)
        // Element (row, p) of op(A).
        let rowStride = transposeA ? 1 : lda, depthStride = transposeA ? lda : 1
        var i = 0
        while i &+ 4 <= m {
            var column = 0
            while column < n {
                var s00 = SIMD8<Float>(), s01 = SIMD8<Float>(), s10 = SIMD8<Float>(), s11 = SIMD8<Float>()
                var s20 = SIMD8<Float>(), s21 = SIMD8<Float>(), s30 = SIMD8<Float>(), s31 = SIMD8<Float>()
                var pa = a + i &* rowStride, offset = column &* 4
                for _ in 0..<k {
                    let b0 = rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    let b1 = rawB.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
                    let x0 = pa[0], x1 = pa[rowStride], x2 = pa[2 &* rowStride], x3 = pa[3 &* rowStride]
                    s00 += x0 * b0; s01 += x0 * b1
                    s10 += x1 * b0; s11 += x1 * b1
                    s20 += x2 * b0; s21 += x2 * b1
                    s30 += x3 * b0; s31 += x3 * b1
                    pa += depthStride
                    offset &+= ldb &* 4
                }
                let target = c + (i &* ldc &+ column)
                store(s00, s01, alpha: alpha, beta: beta, into: target)
                store(s10, s11, alpha: alpha, beta: beta, into: target + ldc)
                store(s20, s21, alpha: alpha, beta: beta, into: target + 2 &* ldc)
                store(s30, s31, alpha: alpha, beta: beta, into: target + 3 &* ldc)
                column &+= 16
            }
            i &+= 4
        }
        while i < m {
            var column = 0
            while column < n {
                var sum0 = SIMD8<Float>(), sum1 = SIMD8<Float>()
                var pa = a + i &* rowStride, offset = column &* 4
                for _ in 0..<k {
                    let x = pa[0]
                    sum0 += x * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    sum1 += x * rawB.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
                    pa += depthStride
                    offset &+= ldb &* 4
                }
                store(sum0, sum1, alpha: alpha, beta: beta, into: c + (i &* ldc &+ column))
                column &+= 16
            }
            i &+= 1
        }
    }

    /// `C = alpha·A·Bᵀ + beta·C` with `k == 16`: each `A` row held in two registers, four dot products
    /// at a time.
    @inline(__always)
    static func sixteenWideDots(m: Int, n: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
                                b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>,
                                ldc: Int) {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        @inline(__always) func product(_ a0: SIMD8<Float>, _ a1: SIMD8<Float>, _ j: Int) -> SIMD8<Float> {
            let offset = j &* ldb &* 4
            return a0 * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                + a1 * rawB.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
        }
        for i in 0..<m {
            let a0 = rawA.loadUnaligned(fromByteOffset: i &* lda &* 4, as: SIMD8<Float>.self)
            let a1 = rawA.loadUnaligned(fromByteOffset: i &* lda &* 4 &+ 32, as: SIMD8<Float>.self)
            let row = c + i &* ldc
            var j = 0
            while j &+ 4 <= n {
                // Horizontal sums of four products at once: pairwise adds of their halves.
                let p0 = product(a0, a1, j), p1 = product(a0, a1, j &+ 1)
                let p2 = product(a0, a1, j &+ 2), p3 = product(a0, a1, j &+ 3)
                let h01 = SIMD8(lowHalf: p0.lowHalf + p0.highHalf, highHalf: p1.lowHalf + p1.highHalf)
                let h23 = SIMD8(lowHalf: p2.lowHalf + p2.highHalf, highHalf: p3.lowHalf + p3.highHalf)
                let q = SIMD8(lowHalf: h01.evenHalf + h01.oddHalf, highHalf: h23.evenHalf + h23.oddHalf)
                let sums = q.evenHalf + q.oddHalf  // (Σp0, Σp1, Σp2, Σp3)
                for t in 0..<4 {
                    let value = alpha * sums[t]
                    row[j &+ t] = beta == 0 ? value : beta * row[j &+ t] + value
                }
                j &+= 4
            }
            while j < n {
                let value = alpha * product(a0, a1, j).sum()
                row[j] = beta == 0 ? value : beta * row[j] + value
                j &+= 1
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
