/// How ``Tape/headScores(queries:keys:heads:scale:layout:)`` lays out its `[B, R, n·H]` result.
public enum HeadScoreLayout: Sendable {
    /// `result[b, r, k·H + h]`: one key's scores for all heads adjacent (the decoders' score tables).
    case keyMajor
    /// `result[b, r, h·n + k]`: each head's row of `n` scores contiguous (the decoders' value tables,
    /// read as an `[R·H, n]` matrix).
    case headMajor
}

extension Tape {
    /// Per-head scaled dot products of queries `[B, R, H·d_k]` with keys `[B, n, H·d_k]`:
    /// `scale · Σ_c q[b, r, h·d_k + c] · key[b, k, h·d_k + c]` for every `(b, r, h, k)`, as `[B, R, n·H]` in
    /// `layout`.
    ///
    /// Heads are addressed in place through strides (no split copies); each `(instance, head)` block is one
    /// product into a small scratch matrix, scattered into the interleaved result (and gathered back in the
    /// backward pass, which forms `∂q = scale·∂S·K_h` and `∂key = scale·∂Sᵀ·Q_h` per block).
    public func headScores(queries: Variable, keys: Variable, heads: Int, scale: Float,
                           layout: HeadScoreLayout = .keyMajor) -> Variable {
        precondition(queries.shape.count == 3 && keys.shape.count == 3 && queries.shape[0] == keys.shape[0]
                     && queries.shape[2] == keys.shape[2] && queries.shape[2] % heads == 0,
                     "headScores: queries \(queries.shape), keys \(keys.shape), \(heads) heads")
        let batch = queries.shape[0], rows = queries.shape[1], n = keys.shape[1], d = queries.shape[2]
        let dk = d / heads, width = n * heads
        let q = MatrixBatch(pointer: queries.pointer, leading: d, batchStride: rows * d, headStride: dk)
        let k = MatrixBatch(pointer: keys.pointer, leading: d, batchStride: n * d, headStride: dk)
        let output = Tensor(uninitializedShape: [batch, rows, width])
        let scratch = Tensor(uninitializedShape: [rows, n])
        let block = MatrixBatch(pointer: scratch.pointer, leading: n, batchStride: 0)
        let out = output.pointer, s = scratch.pointer
        let headRows = MatrixBatch(pointer: out, leading: width, batchStride: rows * width, headStride: n)
        for b in 0..<batch {
            for h in 0..<heads {
                BatchedGEMM.run(transposeA: false, transposeB: true, m: rows, n: n, k: dk, alpha: scale,
                                a: q.offset(b, h), b: k.offset(b, h), beta: 0,
                                c: layout == .headMajor ? headRows.offset(b, h) : block, batches: 1)
                guard layout == .keyMajor else { continue }
                let target = out + b * rows * width + h
                for r in 0..<rows {
                    for key in 0..<n { target[r * width + key * heads] = s[r * n + key] }
                }
            }
        }
        guard needsGradient(queries, keys) else { return constant(output) }
        return record(output) { tape, gradient in
            let dQuery = tape.gradientTarget(queries), dKey = tape.gradientTarget(keys)
            let scratch = Tensor(uninitializedShape: [rows, n])
            let s = scratch.pointer
            let gradientRows = MatrixBatch(pointer: gradient, leading: width, batchStride: rows * width, headStride: n)
            for b in 0..<batch {
                for h in 0..<heads {
                    let block: MatrixBatch
                    if layout == .headMajor {
                        block = gradientRows.offset(b, h)
                    } else {
                        block = MatrixBatch(pointer: s, leading: n, batchStride: 0)
                        let source = gradient + b * rows * width + h
                        for r in 0..<rows {
                            for key in 0..<n { s[r * n + key] = source[r * width + key * heads] }
                        }
                    }
                    if let dQuery {
                        let target = MatrixBatch(pointer: dQuery.pointer, leading: d, batchStride: rows * d, headStride: dk)
                        BatchedGEMM.run(transposeA: false, transposeB: false, m: rows, n: dk, k: n, alpha: scale,
                                        a: block, b: k.offset(b, h), beta: dQuery.beta, c: target.offset(b, h), batches: 1)
                    }
                    if let dKey {
                        let target = MatrixBatch(pointer: dKey.pointer, leading: d, batchStride: n * d, headStride: dk)
                        BatchedGEMM.run(transposeA: true, transposeB: false, m: n, n: dk, k: rows, alpha: scale,
                                        a: block, b: q.offset(b, h), beta: dKey.beta, c: target.offset(b, h), batches: 1)
                    }
                }
            }
        }
    }
}
