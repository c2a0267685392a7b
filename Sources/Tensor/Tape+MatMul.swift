extension Tape {
    /// Matrix product `op(a)·op(b)`.
    ///
    /// Without `transposeA`, `a` may have any rank ≥ 2: its leading dimensions are folded into rows
    /// (`[…, k]` is treated as `[M, k]`) so one `sgemm` covers a whole batch of tokens. `b` is `[k, n]`, or
    /// `[n, k]` with `transposeB`. The result is `[…, n]` (or `[m, n]` when `a` is transposed `[k, m]`).
    public func matmul(_ a: Variable, _ b: Variable, transposeA: Bool = false, transposeB: Bool = false) -> Variable {
        precondition(b.shape.count == 2, "matmul: b must be a matrix, got \(b.shape)")
        precondition(a.shape.count >= 2 && (!transposeA || a.shape.count == 2), "matmul: bad a \(a.shape)")
        let k = transposeA ? a.shape[0] : a.shape[a.shape.count - 1]
        let m = a.count / max(k, 1)
        let n = transposeB ? b.shape[0] : b.shape[1]
        precondition((transposeB ? b.shape[1] : b.shape[0]) == k, "matmul: \(a.shape) × \(b.shape) do not chain")
        let shape = transposeA ? [m, n] : Array(a.shape.dropLast()) + [n]
        return product(a, b, transposeA: transposeA, transposeB: transposeB,
                       batches: 1, m: m, n: n, k: k, outputShape: shape, sharedB: true)
    }

    /// Batched product `op(a[i])·op(b[i])` of `[B, m, k]` by `[B, k, n]` (transposes as in ``matmul(_:_:transposeA:transposeB:)``),
    /// giving `[B, m, n]`. Tiny per-batch products run in SIMD loops rather than one `sgemm` call each.
    public func batchedMatmul(_ a: Variable, _ b: Variable, transposeA: Bool = false, transposeB: Bool = false) -> Variable {
        precondition(a.shape.count == 3 && b.shape.count == 3 && a.shape[0] == b.shape[0],
                     "batchedMatmul: shapes \(a.shape) and \(b.shape)")
        let batches = a.shape[0]
        let m = transposeA ? a.shape[2] : a.shape[1], k = transposeA ? a.shape[1] : a.shape[2]
        let n = transposeB ? b.shape[1] : b.shape[2]
        precondition((transposeB ? b.shape[2] : b.shape[1]) == k, "batchedMatmul: \(a.shape) × \(b.shape) do not chain")
        return product(a, b, transposeA: transposeA, transposeB: transposeB,
                       batches: batches, m: m, n: n, k: k, outputShape: [batches, m, n], sharedB: false)
    }

    private func product(_ a: Variable, _ b: Variable, transposeA: Bool, transposeB: Bool,
                         batches: Int, m: Int, n: Int, k: Int, outputShape: [Int], sharedB: Bool) -> Variable {
        let output = Tensor(uninitializedShape: outputShape)
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        let strideA = m * k, strideB = sharedB ? 0 : k * n, strideC = m * n
        let matrixA = MatrixBatch(pointer: a.pointer, leading: lda, batchStride: strideA)
        let matrixB = MatrixBatch(pointer: b.pointer, leading: ldb, batchStride: strideB)
        BatchedGEMM.run(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        a: matrixA, b: matrixB, beta: 0,
                        c: MatrixBatch(pointer: output.pointer, leading: n, batchStride: strideC), batches: batches)
        guard needsGradient(a, b) else { return constant(output) }
        return record(output) { tape, gradOut in
            let dC = MatrixBatch(pointer: gradOut, leading: n, batchStride: strideC)
            if let gradA = tape.gradientTarget(a) {
                let dA = MatrixBatch(pointer: gradA.pointer, leading: lda, batchStride: strideA)
                if transposeA {
                    BatchedGEMM.run(transposeA: transposeB, transposeB: true, m: k, n: m, k: n, a: matrixB, b: dC,
                                    beta: gradA.beta, c: dA, batches: batches)
                } else {
                    BatchedGEMM.run(transposeA: false, transposeB: !transposeB, m: m, n: k, k: n, a: dC, b: matrixB,
                                    beta: gradA.beta, c: dA, batches: batches)
                }
            }
            if let gradB = tape.gradientTarget(b) {
                // A shared `b` sums its gradient over the batch: run the batches one after another into it.
                let dB = MatrixBatch(pointer: gradB.pointer, leading: ldb, batchStride: strideB)
                for batch in 0..<batches {
                    let beta: Float = batch == 0 ? gradB.beta : (sharedB ? 1 : gradB.beta)
                    let pa = MatrixBatch(pointer: matrixA.matrix(batch, 0), leading: lda, batchStride: 0)
                    let pc = MatrixBatch(pointer: dC.matrix(batch, 0), leading: n, batchStride: 0)
                    let pb = MatrixBatch(pointer: dB.matrix(batch, 0), leading: ldb, batchStride: 0)
                    if transposeB {
                        BatchedGEMM.run(transposeA: true, transposeB: transposeA, m: n, n: k, k: m, a: pc, b: pa,
                                        beta: beta, c: pb, batches: 1)
                    } else {
                        BatchedGEMM.run(transposeA: !transposeA, transposeB: false, m: k, n: n, k: m, a: pa, b: pc,
                                        beta: beta, c: pb, batches: 1)
                    }
                }
            }
        }
    }
}
