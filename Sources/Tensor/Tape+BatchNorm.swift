extension Tape {
    /// Batch normalisation over every dimension but the last (channels): `x` is `[…, C]` (the attention
    /// model passes `[B, n, d]`), `scale` (γ) and `shift` (β) are `[C]`.
    ///
    /// Training mode normalises with the batch's own mean and biased variance and folds them into
    /// `statistics`; on a ``ShardGroup`` the per-shard sums are all-reduced first, so every shard uses the
    /// full-batch statistics and only shard 0 updates the running averages. Evaluation mode uses the
    /// running statistics. One pass gathers the statistics and one writes the output; the backward pass
    /// likewise makes one pass for its sums (all-reduced across shards) and one for the input gradient.
    public func batchNorm(_ x: Variable, scale: Variable, shift: Variable, statistics: RunningStatistics,
                          training: Bool, epsilon: Float = 1e-5) -> Variable {
        let channels = x.shape.last ?? 1
        precondition(scale.count == channels && shift.count == channels && statistics.channels == channels,
                     "batchNorm: channel counts disagree for \(x.shape)")
        let rows = x.count / max(channels, 1)
        // [mean | invStd] as floats for the forward map and the backward pass.
        let saved = Tensor(uninitializedShape: [2, channels])
        let mean = saved.pointer, invStd = saved.pointer + channels
        var count = Double(rows)
        if training {
            let moments = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * channels + 1)
            defer { moments.deallocate() }
            moments.initialize(repeating: 0)
            ColumnNormalization.accumulateMoments(x.pointer, rows: rows, channels: channels, into: moments.baseAddress!)
            moments[2 * channels] = Double(rows)
            shard?.allReduce(moments)
            count = moments[2 * channels]
            ColumnNormalization.finishMoments(moments.baseAddress!, channels: channels, count: count)
            if shard?.shardIndex ?? 0 == 0 {
                statistics.update(batchMean: moments.baseAddress!, batchVariance: moments.baseAddress! + channels,
                                  count: count)
            }
            ColumnNormalization.storeStatistics(moments.baseAddress!, channels: channels, epsilon: Double(epsilon),
                                                mean: mean, invStd: invStd)
        } else {
            let runningMean = statistics.mean.pointer, runningVariance = statistics.variance.pointer
            for c in 0..<channels {
                mean[c] = runningMean[c]
                invStd[c] = 1 / (runningVariance[c] + epsilon).squareRoot()
            }
        }
        let output = Tensor(uninitializedShape: x.shape)
        ColumnNormalization.normalise(x.pointer, output.pointer, rows: rows, channels: channels, mean: mean,
                                      invStd: invStd, scale: scale.pointer, shift: shift.pointer)
        guard needsGradient(x, scale, shift) else { return constant(output) }
        return record(output) { tape, dy in
            let mean = saved.pointer, invStd = saved.pointer + channels
            let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * channels)
            defer { sums.deallocate() }
            sums.initialize(repeating: 0)
            ColumnNormalization.gradientSums(x.pointer, dy, rows: rows, channels: channels, mean: mean,
                                             invStd: invStd, into: sums.baseAddress!)
            tape.gradientTarget(shift)?.update(count: channels) { Float(sums[$0]) }
            tape.gradientTarget(scale)?.update(count: channels) { Float(sums[channels + $0]) }
            guard x.requiresGradient else { return }
            if training {
                tape.shard?.allReduce(sums)
                ColumnNormalization.inputGradient(x.pointer, dy, into: tape.gradientTarget(x)!, rows: rows,
                                                  channels: channels, count: count, mean: mean, invStd: invStd,
                                                  scale: scale.pointer, sums: sums.baseAddress!)
            } else {
                let gamma = scale.pointer, dx = tape.gradientTarget(x)!
                let columns = channels
                for row in 0..<rows {
                    let g = dy + row * columns, target = dx.pointer + row * columns
                    if dx.accumulates {
                        for c in 0..<columns { target[c] += g[c] * gamma[c] * invStd[c] }
                    } else {
                        for c in 0..<columns { target[c] = g[c] * gamma[c] * invStd[c] }
                    }
                }
            }
        }
    }
}
