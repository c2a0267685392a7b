import COpenBLAS

/// Thin, checked wrappers over OpenBLAS's CBLAS single-precision routines.
public enum BLAS {
    /// `C = alpha · op(A) · op(B) + beta · C` for row-major matrices, `op(A)` is `m × k`, `op(B)` is `k × n`.
    /// - Parameters:
    ///   - transposeA: use Aᵀ (A is stored `k × m`).
    ///   - transposeB: use Bᵀ (B is stored `n × k`).
    @inlinable
    public static func gemm(
        transposeA: Bool = false, transposeB: Bool = false,
        m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int? = nil,
        b: UnsafePointer<Float>, ldb: Int? = nil,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int? = nil
    ) {
        guard m > 0 && n > 0 else { return }
        if k == 0 {
            if beta == 0 {
                for row in 0..<m { (c + row * (ldc ?? n)).update(repeating: 0, count: n) }
            }
            return
        }
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda ?? (transposeA ? m : k)),
                    b, Int32(ldb ?? (transposeB ? k : n)),
                    beta, c, Int32(ldc ?? n))
    }

    /// Threads OpenBLAS uses for one call. Data-parallel shards set 1; single large products may use more.
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }

    /// Runs `body` with OpenBLAS using at most `limit` threads, then restores the previous count. Threads beyond a
    /// caller's share of the cores spin-wait against whatever else runs (side-by-side training runs, a solve beside
    /// a busy core), and tiny products lose more to waking threads than they gain.
    public static func withThreads<Result, Failure: Error>(atMost limit: Int,
                                                           _ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let previous = threads
        if previous > limit { threads = limit }
        defer { if previous > limit { threads = previous } }
        return try body()
    }
}
