import Foundation

extension Tape {
    /// Scaled dot-product attention over `heads` heads as one op with one backward pass:
    /// `softmax(Q_h·K_hᵀ/√d_k + mask)·V_h` for every head `h`, heads concatenated.
    ///
    /// - Parameters:
    ///   - query: `[B, nq, H·d_k]` (heads interleaved as produced by one projection).
    ///   - key: `[B, nk, H·d_k]`; `value`: `[B, nk, H·d_v]`.
    ///   - mask: optional `[B, nq, nk]` (any shape with that many elements); nonzero = the key is hidden
    ///     from that query for every head. A query row with every key masked attends to nothing (zeros).
    ///   - bias: optional per-pair score terms with learned per-head weights (``AttentionBias``), added after
    ///     the `1/√d_k` scaling; its weights get gradients.
    /// - Returns: `[B, nq, H·d_v]`.
    ///
    /// Heads are addressed in place through strides (no split/merge copies). Per-head products go to
    /// `sgemm` when large; small ones (single-query decoding steps, tiny instances) run in SIMD loops,
    /// since the library's per-call overhead would dominate. Only the attention probabilities
    /// `[B, H, nq, nk]` are saved for the backward pass.
    public func multiHeadAttention(query: Variable, key: Variable, value: Variable, heads: Int,
                                   mask: Mask? = nil, bias: AttentionBias? = nil) -> Variable {
        precondition(query.shape.count == 3 && key.shape.count == 3 && value.shape.count == 3,
                     "attention: q, k, v must be [B, n, H·d]")
        let batch = query.shape[0], queries = query.shape[1], keys = key.shape[1]
        let width = query.shape[2], valueWidth = value.shape[2]
        precondition(key.shape[0] == batch && value.shape[0] == batch && value.shape[1] == keys && key.shape[2] == width
                     && width % heads == 0 && valueWidth % heads == 0, "attention: q \(query.shape) k \(key.shape) v \(value.shape)")
        precondition(mask == nil || mask!.count == batch * queries * keys, "attention: mask must be [B, nq, nk]")
        precondition(bias == nil || (bias!.channels[0].shape == [batch, queries, keys] && bias!.weights.shape[1] == heads),
                     "attention: bias channels must be [B, nq, nk] with one weight per head")
        let dk = width / heads, dv = valueWidth / heads
        let alpha = 1 / Float(dk).squareRoot()
        let q = MatrixBatch(pointer: query.pointer, leading: width, batchStride: queries * width, headStride: dk)
        let k = MatrixBatch(pointer: key.pointer, leading: width, batchStride: keys * width, headStride: dk)
        let v = MatrixBatch(pointer: value.pointer, leading: valueWidth, batchStride: keys * valueWidth, headStride: dv)
        let recording = needsGradient(query, key, value) || (bias.map { needsGradient($0.weights) } ?? false)
        // Scores, softmax and P·V per (instance, head) block, so each block is still in cache when the
        // softmax and the second product read it. Without a backward pass one scratch block is reused
        // instead of materialising `[B, H, nq, nk]` probabilities.
        let probabilities = Tensor(uninitializedShape: recording ? [batch, heads, queries, keys] : [queries, keys])
        let blockStride = recording ? queries * keys : 0
        let p = MatrixBatch(pointer: probabilities.pointer, leading: keys, batchStride: heads * blockStride,
                            headStride: blockStride)
        let output = Tensor(uninitializedShape: [batch, queries, valueWidth])
        let o = MatrixBatch(pointer: output.pointer, leading: valueWidth, batchStride: queries * valueWidth, headStride: dv)
        for b in 0..<batch {
            for h in 0..<heads {
                let block = MatrixBatch(pointer: p.matrix(b, h), leading: keys, batchStride: 0)
                BatchedGEMM.run(transposeA: false, transposeB: true, m: queries, n: keys, k: dk, alpha: alpha,
                                a: q.offset(b, h), b: k.offset(b, h), beta: 0, c: block, batches: 1)
                bias?.add(to: block.pointer, instance: b, head: h, heads: heads)
                Self.maskedSoftmaxRows(block.pointer, queries: queries, keys: keys,
                                       mask: mask.map { $0.bytes + b * queries * keys })
                BatchedGEMM.run(transposeA: false, transposeB: false, m: queries, n: dv, k: keys,
                                a: block, b: v.offset(b, h), beta: 0, c: o.offset(b, h), batches: 1)
            }
        }
        guard recording else { return constant(output) }
        let biasNeedsGradient = bias.map { needsGradient($0.weights) } ?? false
        return record(output) { tape, gradOut in
            _ = probabilities  // saved for the backward pass
            let dOut = MatrixBatch(pointer: gradOut, leading: valueWidth, batchStride: queries * valueWidth, headStride: dv)
            if let dValue = tape.gradientTarget(value) {
                let target = MatrixBatch(pointer: dValue.pointer, leading: valueWidth, batchStride: keys * valueWidth,
                                         headStride: dv)
                BatchedGEMM.run(transposeA: true, transposeB: false, m: keys, n: dv, k: queries,
                                a: p, b: dOut, beta: dValue.beta, c: target, batches: batch, heads: heads)
            }
            guard query.requiresGradient || key.requiresGradient || biasNeedsGradient else { return }
            // dP = dOut·Vᵀ, then the softmax backward in place: dS = P ⊙ (dP − Σ P⊙dP).
            let scores = Tensor(uninitializedShape: [batch, heads, queries, keys])
            let dS = MatrixBatch(pointer: scores.pointer, leading: keys, batchStride: heads * queries * keys,
                                 headStride: queries * keys)
            BatchedGEMM.run(transposeA: false, transposeB: true, m: queries, n: keys, k: dv,
                            a: dOut, b: v, beta: 0, c: dS, batches: batch, heads: heads)
            let probability = probabilities.pointer, gradient = scores.pointer
            for row in 0..<batch * heads * queries {
                let pr = probability + row * keys, gr = gradient + row * keys
                let inner = Kernels.dot(pr, gr, keys)
                for j in 0..<keys { gr[j] = pr[j] * (gr[j] - inner) }
            }
            if let bias, biasNeedsGradient, let dWeights = tape.gradientTarget(bias.weights) {
                let sums = bias.weightGradients(scoreGradients: gradient, heads: heads)
                dWeights.update(count: sums.count) { sums[$0] }
            }
            if let dQuery = tape.gradientTarget(query) {
                let target = MatrixBatch(pointer: dQuery.pointer, leading: width, batchStride: queries * width, headStride: dk)
                BatchedGEMM.run(transposeA: false, transposeB: false, m: queries, n: dk, k: keys, alpha: alpha,
                                a: dS, b: k, beta: dQuery.beta, c: target, batches: batch, heads: heads)
            }
            if let dKey = tape.gradientTarget(key) {
                let target = MatrixBatch(pointer: dKey.pointer, leading: width, batchStride: keys * width, headStride: dk)
                BatchedGEMM.run(transposeA: true, transposeB: false, m: keys, n: dk, k: queries, alpha: alpha,
                                a: dS, b: q, beta: dKey.beta, c: target, batches: batch, heads: heads)
            }
        }
    }

    /// Softmax of each `[keys]` row of one `[nq, nk]` block of scores in place, with its `[nq, nk]` mask.
    private static func maskedSoftmaxRows(_ scores: UnsafeMutablePointer<Float>, queries: Int, keys: Int,
                                          mask: UnsafePointer<UInt8>?) {
        for i in 0..<queries {
            let row = scores + i * keys
            let hidden = mask.map { $0 + i * keys }
            let maximum = VectorMath.maximum(row, count: keys, mask: hidden)
            guard maximum > -Float.infinity else {
                row.update(repeating: 0, count: keys)
                continue
            }
            let inverse = 1 / VectorMath.shiftedExp(row, count: keys, shift: maximum, mask: hidden)
            for j in 0..<keys { row[j] *= inverse }
        }
    }
}
