import Foundation

extension Tape {
    /// Softmax over the last dimension. Entries where `mask` is set get probability 0; a row with every
    /// entry masked becomes all zeros (and passes no gradient). `mask` has the same element count as `x`.
    public func softmax(_ x: Variable, mask: Mask? = nil) -> Variable {
        normalise(x, mask: mask, logarithmic: false)
    }

    /// Log-softmax over the last dimension. Masked entries are `-infinity`; a row with every entry
    /// masked becomes all zeros (a finished instance contributes nothing) and passes no gradient.
    public func logSoftmax(_ x: Variable, mask: Mask? = nil) -> Variable {
        normalise(x, mask: mask, logarithmic: true)
    }

    private func normalise(_ x: Variable, mask: Mask?, logarithmic: Bool) -> Variable {
        let columns = x.shape.last ?? 1
        let rows = x.count / max(columns, 1)
        precondition(mask == nil || mask!.count == x.count, "softmax: mask \(mask!.shape) for \(x.shape)")
        let output = Tensor(uninitializedShape: x.shape)
        let source = x.pointer, out = output.pointer
        let masked = mask?.bytes
        for row in 0..<rows {
            let offset = row * columns
            Self.normaliseRow(source + offset, out + offset, masked.map { $0 + offset }, columns, logarithmic)
        }
        guard needsGradient(x) else { return constant(output) }
        return record(output) { tape, dy in
            guard let dx = tape.gradientTarget(x) else { return }
            _ = mask  // keeps the mask bytes alive for the backward pass
            let y = output.pointer
            for row in 0..<rows {
                let o = row * columns, g = dy + o, p = y + o, target = dx.pointer + o
                let maskRow = masked.map { $0 + o }
                var rowSum: Float = 0
                var allMasked = true
                if logarithmic {
                    let (sum, visible) = Self.visibleSum(g, maskRow, columns)
                    rowSum = sum
                    allMasked = visible == 0
                } else {
                    for j in 0..<columns where maskRow?[j] ?? 0 == 0 { rowSum += g[j] * p[j]; allMasked = false }
                }
                if logarithmic && !allMasked {
                    Self.logSoftmaxGradientRow(g, p, maskRow, columns, rowSum, target, accumulate: dx.accumulates)
                    continue
                }
                for j in 0..<columns {
                    let value: Float
                    if allMasked || maskRow?[j] ?? 0 != 0 {
                        value = 0
                    } else if logarithmic {
                        value = g[j] - Foundation.exp(p[j]) * rowSum
                    } else {
                        value = p[j] * (g[j] - rowSum)
                    }
                    if dx.accumulates { target[j] += value } else { target[j] = value }
                }
            }
        }
    }

    /// The sum of the unmasked `values[0..<count]` (eight lanes accumulated separately) and how many
    /// entries are unmasked.
    @inline(__always)
    private static func visibleSum(_ values: UnsafePointer<Float>, _ mask: UnsafePointer<UInt8>?,
                                   _ count: Int) -> (sum: Float, visible: Int) {
        let raw = UnsafeRawPointer(values)
        var total = SIMD8<Float>(), lanes = SIMD8<UInt32>()
        var j = 0
        while j &+ 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: j &* 4, as: SIMD8<Float>.self)
            if let mask {
                let bits = VectorMath.visibleBits(mask + j)
                total += unsafeBitCast(unsafeBitCast(v, to: SIMD8<UInt32>.self) & bits, to: SIMD8<Float>.self)
                lanes &+= bits & 1
            } else {
                total += v
                lanes &+= 1
            }
            j &+= 8
        }
        var sum = total.sum(), visible = Int(lanes.wrappedSum())
        while j < count {
            if mask?[j] ?? 0 == 0 { sum += values[j]; visible += 1 }
            j &+= 1
        }
        return (sum, visible)
    }

    /// `target[j] (+)= dy[j] − e^{y[j]}·rowSum` over a log-softmax row (0 where masked), eight lanes at a
    /// time with ``VectorMath/exp(_:)``.
    @inline(__always)
    private static func logSoftmaxGradientRow(_ dy: UnsafePointer<Float>, _ y: UnsafePointer<Float>,
                                              _ mask: UnsafePointer<UInt8>?, _ count: Int, _ rowSum: Float,
                                              _ target: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let g = UnsafeRawPointer(dy), p = UnsafeRawPointer(y), t = UnsafeMutableRawPointer(target)
        var j = 0
        while j &+ 8 <= count {
            let offset = j &* 4
            var value = g.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                - VectorMath.exp(p.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)) * rowSum
            if let mask {
                value = unsafeBitCast(unsafeBitCast(value, to: SIMD8<UInt32>.self) & VectorMath.visibleBits(mask + j),
                                      to: SIMD8<Float>.self)
            }
            if accumulate { value += t.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) }
            t.storeBytes(of: value, toByteOffset: offset, as: SIMD8<Float>.self)
            j &+= 8
        }
        while j < count {
            let value: Float = mask?[j] ?? 0 != 0 ? 0 : dy[j] - Foundation.exp(y[j]) * rowSum
            if accumulate { target[j] += value } else { target[j] = value }
            j &+= 1
        }
    }

    @inline(__always)
    private static func normaliseRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                                     _ mask: UnsafePointer<UInt8>?, _ count: Int, _ logarithmic: Bool) {
        let maximum = VectorMath.maximum(x, count: count, mask: mask)
        guard maximum > -Float.infinity else {
            y.update(repeating: 0, count: count)
            return
        }
        y.update(from: x, count: count)
        let total = VectorMath.shiftedExp(y, count: count, shift: maximum, mask: mask)
        if logarithmic {
            let shift = maximum + Foundation.log(total)
            for j in 0..<count { y[j] = x[j] - shift }
            if let mask {
                for j in 0..<count where mask[j] != 0 { y[j] = -.infinity }
            }
        } else {
            let inverse = 1 / total
            for j in 0..<count { y[j] *= inverse }
        }
    }
}
