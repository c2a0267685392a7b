import Foundation

/// Kernels shared by batch norm and instance norm: normalising each column (channel) of a row-major
/// `[rows, channels]` block over its rows, with a per-channel affine map.
///
/// Statistics are accumulated in double precision in one pass (sum and sum of squares), so shards can
/// add their partial sums before finishing.
enum ColumnNormalization {
    /// Adds per-channel `Σx` into `sums[0..<C]` and `Σx²` into `sums[C..<2C]`.
    static func accumulateMoments(_ x: UnsafePointer<Float>, rows: Int, channels: Int,
                                  into sums: UnsafeMutablePointer<Double>) {
        let squares = sums + channels
        for row in 0..<rows {
            let source = x + row * channels
            for c in 0..<channels {
                let value = Double(source[c])
                sums[c] += value
                squares[c] += value * value
            }
        }
    }

    /// Turns sums over `count` rows into mean (in place of `Σx`) and biased variance (in place of `Σx²`).
    static func finishMoments(_ sums: UnsafeMutablePointer<Double>, channels: Int, count: Double) {
        for c in 0..<channels {
            let mean = sums[c] / count
            sums[c] = mean
            sums[channels + c] = max(sums[channels + c] / count - mean * mean, 0)
        }
    }

    /// `y = (x − mean)·invStd·γ + β` per channel.
    static func normalise(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, rows: Int, channels: Int,
                          mean: UnsafePointer<Float>, invStd: UnsafePointer<Float>,
                          scale: UnsafePointer<Float>, shift: UnsafePointer<Float>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * channels) { buffer in
            // y = x·a + b with a = invStd·γ, b = β − mean·a.
            let a = buffer.baseAddress!, b = a + channels
            for c in 0..<channels {
                a[c] = invStd[c] * scale[c]
                b[c] = shift[c] - mean[c] * a[c]
            }
            for row in 0..<rows {
                let source = x + row * channels, target = y + row * channels
                for c in 0..<channels { target[c] = source[c] * a[c] + b[c] }
            }
        }
    }

    /// Per-channel `Σdy` into `sums[0..<C]` and `Σdy·x̂` into `sums[C..<2C]` (double precision).
    static func gradientSums(_ x: UnsafePointer<Float>, _ dy: UnsafePointer<Float>, rows: Int, channels: Int,
                             mean: UnsafePointer<Float>, invStd: UnsafePointer<Float>,
                             into sums: UnsafeMutablePointer<Double>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * channels) { buffer in
            let shiftSum = buffer.baseAddress!, productSum = shiftSum + channels
            shiftSum.update(repeating: 0, count: 2 * channels)
            for row in 0..<rows {
                let source = x + row * channels, gradient = dy + row * channels
                for c in 0..<channels {
                    shiftSum[c] += gradient[c]
                    productSum[c] += gradient[c] * (source[c] - mean[c])
                }
            }
            for c in 0..<channels {
                sums[c] += Double(shiftSum[c])
                sums[channels + c] += Double(productSum[c] * invStd[c])
            }
        }
    }

    /// `dx (+)= γ·invStd/N·(N·dy − Σdy − x̂·Σdy·x̂)` from the (global) sums over `count` rows.
    static func inputGradient(_ x: UnsafePointer<Float>, _ dy: UnsafePointer<Float>, into dx: GradientTarget,
                              rows: Int, channels: Int, count: Double, mean: UnsafePointer<Float>,
                              invStd: UnsafePointer<Float>, scale: UnsafePointer<Float>,
                              sums: UnsafePointer<Double>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * channels) { buffer in
            // dx = dy·p + x·q + r per channel.
            let p = buffer.baseAddress!, q = p + channels, r = q + channels
            for c in 0..<channels {
                let k = Double(scale[c] * invStd[c])
                let meanShift = sums[c] / count, meanProduct = sums[channels + c] / count
                let s = Double(invStd[c])
                p[c] = Float(k)
                q[c] = Float(-k * meanProduct * s)
                r[c] = Float(-k * meanShift + k * meanProduct * s * Double(mean[c]))
            }
            for row in 0..<rows {
                let source = x + row * channels, gradient = dy + row * channels
                let target = dx.pointer + row * channels
                if dx.accumulates {
                    for c in 0..<channels { target[c] += gradient[c] * p[c] + source[c] * q[c] + r[c] }
                } else {
                    for c in 0..<channels { target[c] = gradient[c] * p[c] + source[c] * q[c] + r[c] }
                }
            }
        }
    }

    /// Stores `invStd = 1/√(variance + ε)` and the mean as floats.
    static func storeStatistics(_ moments: UnsafePointer<Double>, channels: Int, epsilon: Double,
                                mean: UnsafeMutablePointer<Float>, invStd: UnsafeMutablePointer<Float>) {
        for c in 0..<channels {
            mean[c] = Float(moments[c])
            invStd[c] = Float(1 / (moments[channels + c] + epsilon).squareRoot())
        }
    }
}
