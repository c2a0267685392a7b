/// Vectorised transcendental functions for the hot softmax loops.
///
/// `Foundation.exp` is a scalar library call (several ns per element); attention over a 512 × 20-node
/// batch with 8 heads evaluates 1.6 M exponentials per layer. ``exp(_:)`` uses the Cephes `expf`
/// range reduction and polynomial on `SIMD8<Float>` (relative error about 2·10⁻⁷ on [−87, 88]).
/// `shiftedExp` is the row kernel of every softmax here; ``tanh(_:)`` clips the decoders' logits.
public enum VectorMath {
    /// `e^x` lane-wise for x in [−87.3, 88.7] (clamped outside, so `e^−∞` gives about 1·10⁻³⁸, not 0:
    /// callers zero masked entries themselves).
    ///
    /// Only SIMD operations that lower to single vector instructions are used (the generic
    /// `rounded`/integer-conversion initialisers are not specialised and run per lane): rounding is the
    /// `1.5·2²³` magic-number trick and `2ⁿ` is built from the exponent bits.
    @inline(__always)
    public static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        var v = x.replacing(with: -87.3, where: x .< -87.3)
        v = v.replacing(with: 88.7, where: v .> 88.7)
        let magic = SIMD8<Float>(repeating: 12582912)  // 1.5·2²³: adding it rounds to an integer
        let shifted = v * 1.44269504088896341 + magic
        let n = shifted - magic
        let r = v - n * 0.693359375 + n * 2.12194440e-4
        var p = SIMD8<Float>(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        p = p * (r * r) + r + 1
        // The low mantissa bits of `shifted` hold n (two's complement); n + 127 goes into the exponent field.
        let bits = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let scale = unsafeBitCast((bits &+ 127) &<< 23, to: SIMD8<Float>.self)
        return p * scale
    }

    /// `tanh(x)` lane-wise with the Cephes `tanhf` scheme: an odd polynomial for |x| ≤ 0.625, else
    /// `1 − 2/(e^{2|x|} + 1)` with the sign of x (absolute error about 1·10⁻⁷; ±1 for large |x|).
    @inline(__always)
    public static func tanh(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let magnitude = unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
        var large = 1 - 2 / (exp(magnitude + magnitude) + 1)
        large = large.replacing(with: -large, where: x .< 0)
        let z = x * x
        var p = SIMD8<Float>(repeating: -5.70498872745e-3)
        p = p * z + 2.06390887954e-2
        p = p * z - 5.37397155531e-2
        p = p * z + 1.33314422036e-1
        p = p * z - 3.33332819422e-1
        let small = p * z * x + x
        return small.replacing(with: large, where: magnitude .> 0.625)
    }

    /// `output[i] = scale · tanh(input[i])` for `i < count` (vectorised ``tanh(_:)``).
    public static func scaledTanh(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, count: Int,
                                  scale: Float) {
        let source = UnsafeRawPointer(input), target = UnsafeMutableRawPointer(output)
        var i = 0
        while i &+ 8 <= count {
            let y = tanh(source.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)) * scale
            target.storeBytes(of: y, toByteOffset: i &* 4, as: SIMD8<Float>.self)
            i &+= 8
        }
        if i < count {
            var lanes = SIMD8<Float>()
            for j in i..<count { lanes[j &- i] = input[j] }
            let y = tanh(lanes) * scale
            for j in i..<count { output[j] = y[j &- i] }
        }
    }

    /// `values[i] = e^(values[i] − shift)` for `i < count`, then 0 where `mask` is nonzero; returns the sum
    /// (eight lanes accumulated separately, then added).
    @inline(__always)
    public static func shiftedExp(_ values: UnsafeMutablePointer<Float>, count: Int, shift: Float,
                                  mask: UnsafePointer<UInt8>? = nil) -> Float {
        let raw = UnsafeMutableRawPointer(values)
        var total = SIMD8<Float>()
        var i = 0
        while i &+ 8 <= count {
            var e = exp(raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self) - shift)
            if let mask {
                e = unsafeBitCast(unsafeBitCast(e, to: SIMD8<UInt32>.self) & visibleBits(mask + i), to: SIMD8<Float>.self)
            }
            raw.storeBytes(of: e, toByteOffset: i &* 4, as: SIMD8<Float>.self)
            total += e
            i &+= 8
        }
        var sum = total.sum()
        if i < count {
            var lanes = SIMD8<Float>()
            for j in i..<count { lanes[j &- i] = values[j] - shift }
            let e = exp(lanes)
            for j in i..<count {
                let value = mask.map { $0[j] != 0 } == true ? 0 : e[j &- i]
                values[j] = value
                sum += value
            }
        }
        return sum
    }

    /// The largest of `values[0..<count]` whose `mask` byte is 0 (all when `mask` is nil); `-infinity`
    /// when every entry is masked.
    @inline(__always)
    public static func maximum(_ values: UnsafePointer<Float>, count: Int, mask: UnsafePointer<UInt8>? = nil) -> Float {
        let raw = UnsafeRawPointer(values)
        var lanes = SIMD8<Float>(repeating: -.infinity)
        var i = 0
        while i &+ 8 <= count {
            var v = raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            if let mask {
                let keep = visibleBits(mask + i), bits = unsafeBitCast(v, to: SIMD8<UInt32>.self)
                v = unsafeBitCast((bits & keep) | (SIMD8<UInt32>(repeating: 0xFF80_0000) & ~keep), to: SIMD8<Float>.self)
            }
            lanes = max8(lanes, v)
            i &+= 8
        }
        var result = lanes.max()
        while i < count {
            if mask.map({ $0[i] == 0 }) ?? true { result = Swift.max(result, values[i]) }
            i &+= 1
        }
        return result
    }

    /// All-ones lanes where the mask byte is 0 (visible), zero lanes where it is nonzero, for eight
    /// consecutive bytes. Built from shifts and integer arithmetic only: `SIMDMask`-based `replacing` and
    /// the generic integer-conversion initialiser are not specialised and run lane by lane through memory.
    @inline(__always)
    static func visibleBits(_ bytes: UnsafePointer<UInt8>) -> SIMD8<UInt32> {
        let word = UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self)
        let low = UInt32(truncatingIfNeeded: word), high = UInt32(truncatingIfNeeded: word >> 32)
        let spread = SIMD8<UInt32>(lowHalf: SIMD4(repeating: low), highHalf: SIMD4(repeating: high))
        let byte = (spread &>> SIMD8<UInt32>(0, 8, 16, 24, 0, 8, 16, 24)) & 0xFF
        let visible = (byte &- 1) &>> 31  // 1 when the byte is 0, else 0
        return SIMD8<UInt32>(repeating: 0) &- visible
    }

    /// Lane-wise maximum: a compare and a blend (a comparison feeding `replacing` lowers to vector
    /// instructions, like the clamps in ``exp(_:)``).
    @inline(__always)
    static func max8(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        a.replacing(with: b, where: b .> a)
    }
}
