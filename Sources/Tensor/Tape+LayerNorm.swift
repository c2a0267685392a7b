extension Tape {
    /// Layer normalisation over the last dimension: every row of `x` (`[…, C]`) is normalised to zero mean
    /// and unit variance, then scaled by `scale` (γ, `[C]`) and shifted by `shift` (β). Training and
    /// evaluation compute the same thing.
    public func layerNorm(_ x: Variable, scale: Variable, shift: Variable, epsilon: Float = 1e-5) -> Variable {
        let channels = x.shape.last ?? 1
        precondition(scale.count == channels && shift.count == channels, "layerNorm: γ/β must be [\(channels)]")
        let rows = x.count / max(channels, 1)
        let saved = Tensor(uninitializedShape: [rows, 2])  // mean, invStd per row
        let output = Tensor(uninitializedShape: x.shape)
        let gamma = scale.pointer, beta = shift.pointer
        for row in 0..<rows {
            let source = x.pointer + row * channels, target = output.pointer + row * channels
            var sum = 0.0, squares = 0.0
            for c in 0..<channels {
                let value = Double(source[c])
                sum += value
                squares += value * value
            }
            let mean = sum / Double(channels)
            let invStd = 1 / (max(squares / Double(channels) - mean * mean, 0) + Double(epsilon)).squareRoot()
            let m = Float(mean), s = Float(invStd)
            saved.pointer[2 * row] = m
            saved.pointer[2 * row + 1] = s
            for c in 0..<channels { target[c] = (source[c] - m) * s * gamma[c] + beta[c] }
        }
        guard needsGradient(x, scale, shift) else { return constant(output) }
        return record(output) { tape, dy in
            let dx = tape.gradientTarget(x)
            let dGamma = tape.gradientTarget(scale), dBeta = tape.gradientTarget(shift)
            dGamma?.prepareForScatter(count: channels)
            dBeta?.prepareForScatter(count: channels)
            let gamma = scale.pointer
            for row in 0..<rows {
                let source = x.pointer + row * channels, g = dy + row * channels
                let m = saved.pointer[2 * row], s = saved.pointer[2 * row + 1]
                var sumG: Float = 0, sumGX: Float = 0
                for c in 0..<channels {
                    let xhat = (source[c] - m) * s
                    let gx = g[c] * gamma[c]
                    sumG += gx
                    sumGX += gx * xhat
                    dGamma?.pointer[c] += g[c] * xhat
                    dBeta?.pointer[c] += g[c]
                }
                guard let dx else { continue }
                let meanG = sumG / Float(channels), meanGX = sumGX / Float(channels)
                let target = dx.pointer + row * channels
                for c in 0..<channels {
                    let xhat = (source[c] - m) * s
                    let value = s * (g[c] * gamma[c] - meanG - xhat * meanGX)
                    if dx.accumulates { target[c] += value } else { target[c] = value }
                }
            }
        }
    }
}
