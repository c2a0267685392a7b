/// Gradient-norm clipping as `torch.nn.utils.clip_grad_norm_`, with non-finite detection.
public enum GradientClipping {
    /// The Euclidean norm of all gradients together, √(Σ g²) over every element of every parameter,
    /// accumulated in `Double`. Infinite or NaN when any gradient element is.
    public static func globalNorm(_ parameters: [Parameter]) -> Float {
        var total = 0.0
        for parameter in parameters {
            total += parameter.gradient.withUnsafeBufferPointer { sumOfSquares(of: $0) }
        }
        return Float(total.squareRoot())
    }

    /// Scales all gradients by `maxNorm / (norm + 1e-6)` when their global norm exceeds `maxNorm`.
    ///
    /// - Returns: the norm before clipping. When it is not finite (a NaN or infinite gradient), the
    ///   gradients are left untouched and the caller should skip this optimiser step.
    @discardableResult
    public static func clipGlobalNorm(_ parameters: [Parameter], maxNorm: Float) -> Float {
        precondition(maxNorm > 0, "maxNorm must be positive")
        let norm = globalNorm(parameters)
        guard norm.isFinite, norm > maxNorm else { return norm }
        let scale = maxNorm / (norm + 1e-6)
        for parameter in parameters {
            parameter.gradient.withUnsafeMutableBufferPointer { values in
                for i in values.indices { values[i] *= scale }
            }
        }
        return norm
    }

    /// Σ x² accumulated in Double (no overflow for large Float gradients), eight lanes at a time.
    private static func sumOfSquares(of values: UnsafeBufferPointer<Float>) -> Double {
        guard let base = values.baseAddress else { return 0 }
        var lanes = SIMD8<Double>()
        var i = 0
        while i + 8 <= values.count {
            let x = SIMD8<Double>(UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<Float>.self))
            lanes += x * x
            i += 8
        }
        var total = lanes.sum()
        while i < values.count {
            total += Double(base[i]) * Double(base[i])
            i += 1
        }
        return total
    }
}
