extension Tape {
    /// Instance normalisation (POMO's encoder): `x` is `[B, n, C]` and every instance's channels are
    /// normalised over its own `n` rows, then scaled by `scale` (γ, `[C]`) and shifted by `shift` (β).
    ///
    /// Like PyTorch's `InstanceNorm1d(affine: true)` without running statistics, training and evaluation
    /// compute the same thing, so no mode argument is needed; statistics never cross instances, so shards
    /// need no communication.
    public func instanceNorm(_ x: Variable, scale: Variable, shift: Variable, epsilon: Float = 1e-5) -> Variable {
        precondition(x.shape.count == 3, "instanceNorm: x must be [B, n, C], got \(x.shape)")
        let instances = x.shape[0], rows = x.shape[1], channels = x.shape[2]
        precondition(scale.count == channels && shift.count == channels, "instanceNorm: γ/β must be [\(channels)]")
        let block = rows * channels
        // Per instance: [mean | invStd].
        let saved = Tensor(uninitializedShape: [instances, 2, channels])
        let output = Tensor(uninitializedShape: x.shape)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * channels) { moments in
            let sums = moments.baseAddress!
            for b in 0..<instances {
                sums.update(repeating: 0, count: 2 * channels)
                ColumnNormalization.accumulateMoments(x.pointer + b * block, rows: rows, channels: channels, into: sums)
                ColumnNormalization.finishMoments(sums, channels: channels, count: Double(rows))
                let mean = saved.pointer + b * 2 * channels, invStd = mean + channels
                ColumnNormalization.storeStatistics(sums, channels: channels, epsilon: Double(epsilon),
                                                    mean: mean, invStd: invStd)
                ColumnNormalization.normalise(x.pointer + b * block, output.pointer + b * block, rows: rows,
                                              channels: channels, mean: mean, invStd: invStd,
                                              scale: scale.pointer, shift: shift.pointer)
            }
        }
        guard needsGradient(x, scale, shift) else { return constant(output) }
        return record(output) { tape, dy in
            let dx = tape.gradientTarget(x)
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * channels) { buffer in
                let sums = buffer.baseAddress!, totals = sums + 2 * channels
                totals.update(repeating: 0, count: 2 * channels)
                for b in 0..<instances {
                    let mean = saved.pointer + b * 2 * channels, invStd = mean + channels
                    sums.update(repeating: 0, count: 2 * channels)
                    ColumnNormalization.gradientSums(x.pointer + b * block, dy + b * block, rows: rows,
                                                     channels: channels, mean: mean, invStd: invStd, into: sums)
                    for c in 0..<2 * channels { totals[c] += sums[c] }
                    if let dx {
                        let target = GradientTarget(pointer: dx.pointer + b * block, accumulates: dx.accumulates)
                        ColumnNormalization.inputGradient(x.pointer + b * block, dy + b * block, into: target,
                                                          rows: rows, channels: channels, count: Double(rows),
                                                          mean: mean, invStd: invStd, scale: scale.pointer, sums: sums)
                    }
                }
                tape.gradientTarget(shift)?.update(count: channels) { Float(totals[$0]) }
                tape.gradientTarget(scale)?.update(count: channels) { Float(totals[channels + $0]) }
            }
        }
    }
}
