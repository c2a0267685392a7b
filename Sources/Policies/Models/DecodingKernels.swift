import Foundation
import Tensor

/// The inner loops of ``TableDecoding`` on raw rows laid out `[k·H + h]` (key node `k`, head `h`).
/// With 8 heads, one key's values for all heads are one `SIMD8` and every head is handled at once.
enum DecodingKernels {
    /// `scores = a + b + cScale·c` on the visible keys, then a softmax over the visible keys per head;
    /// masked keys get 0 (`b` and `c` optional).
    @inline(__always)
    static func maskedHeadSoftmax(_ scores: UnsafeMutablePointer<Float>, a: UnsafePointer<Float>,
                                  b: UnsafePointer<Float>?, c: UnsafePointer<Float>?, cScale: Float,
                                  heads: Int, nodes n: Int, mask: UnsafePointer<UInt8>) {
        guard heads == 8 else {
            anyHeadSoftmax(scores, a: a, b: b, c: c, cScale: cScale, heads: heads, nodes: n, mask: mask)
            return
        }
        let out = UnsafeMutableRawPointer(scores), ra = UnsafeRawPointer(a)
        let rb = b.map(UnsafeRawPointer.init), rc = c.map(UnsafeRawPointer.init)
        var maximum = SIMD8<Float>(repeating: -.infinity)
        for k in 0..<n where mask[k] == 0 {
            let offset = k &* 32
            var v = ra.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            if let rb { v += rb.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) }
            if let rc { v += cScale * rc.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) }
            out.storeBytes(of: v, toByteOffset: offset, as: SIMD8<Float>.self)
            maximum = maximum.replacing(with: v, where: v .> maximum)
        }
        var total = SIMD8<Float>()
        for k in 0..<n {
            let offset = k &* 32
            guard mask[k] == 0 else {
                out.storeBytes(of: SIMD8<Float>(), toByteOffset: offset, as: SIMD8<Float>.self)
                continue
            }
            let e = VectorMath.exp(out.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) - maximum)
            out.storeBytes(of: e, toByteOffset: offset, as: SIMD8<Float>.self)
            total += e
        }
        let inverse = 1 / total
        for k in 0..<n where mask[k] == 0 {
            let offset = k &* 32
            out.storeBytes(of: out.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * inverse,
                           toByteOffset: offset, as: SIMD8<Float>.self)
        }
    }

    /// ``maskedHeadSoftmax(_:a:b:c:cScale:heads:nodes:mask:)`` for any head count, one head at a time.
    static func anyHeadSoftmax(_ scores: UnsafeMutablePointer<Float>, a: UnsafePointer<Float>,
                               b: UnsafePointer<Float>?, c: UnsafePointer<Float>?, cScale: Float,
                               heads: Int, nodes n: Int, mask: UnsafePointer<UInt8>) {
        for h in 0..<heads {
            var maximum = -Float.infinity
            for k in 0..<n where mask[k] == 0 {
                let i = k * heads + h
                scores[i] = a[i] + (b?[i] ?? 0) + cScale * (c?[i] ?? 0)
                maximum = max(maximum, scores[i])
            }
            var total: Float = 0
            for k in 0..<n {
                let i = k * heads + h
                scores[i] = mask[k] == 0 ? Foundation.exp(scores[i] - maximum) : 0
                total += scores[i]
            }
            for k in 0..<n { scores[k * heads + h] /= total }
        }
    }

    /// `output[j] = Σ_k Σ_h P[k·H + h]·values[k·H + h, j]` over the visible keys only (masked keys have
    /// `P = 0`): the single-rollout logits without touching masked keys' rows.
    @inline(__always)
    static func maskedRowProduct(_ p: UnsafePointer<Float>, values: UnsafePointer<Float>, heads: Int, nodes n: Int,
                                 mask: UnsafePointer<UInt8>, into output: UnsafeMutablePointer<Float>) {
        output.update(repeating: 0, count: n)
        let out = UnsafeMutableRawPointer(output)
        for k in 0..<n where mask[k] == 0 {
            for h in 0..<heads {
                let i = k &* heads &+ h, weight = p[i]
                let row = UnsafeRawPointer(values + i &* n)
                var j = 0
                while j &+ 8 <= n {
                    let offset = j &* 4
                    let sum = out.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                        + weight * row.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    out.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
                    j &+= 8
                }
                while j < n {
                    output[j] += weight * values[i &* n &+ j]
                    j &+= 1
                }
            }
        }
    }

    /// `log softmax(clip·u)` and `softmax(clip·u)` over the unmasked entries (`-inf` and 0 where masked).
    @inline(__always)
    static func clippedLogSoftmax(_ u: UnsafePointer<Float>, logProbabilities: UnsafeMutablePointer<Float>,
                                  probabilities: UnsafeMutablePointer<Float>, count n: Int, clip: Float,
                                  mask: UnsafePointer<UInt8>, offset: UnsafePointer<Float>? = nil) {
        if let offset {
            for j in 0..<n { logProbabilities[j] = clip * u[j] + offset[j] }
        } else {
            for j in 0..<n { logProbabilities[j] = clip * u[j] }
        }
        let maximum = VectorMath.maximum(logProbabilities, count: n, mask: mask)
        probabilities.update(from: logProbabilities, count: n)
        let total = VectorMath.shiftedExp(probabilities, count: n, shift: maximum, mask: mask)
        let shift = maximum + Foundation.log(total), inverse = 1 / total
        for j in 0..<n {
            probabilities[j] *= inverse
            logProbabilities[j] = mask[j] == 0 ? logProbabilities[j] - shift : -.infinity
        }
    }

    /// In place: `g = p ⊙ (g − Σ_k p_k g_k)` per head (the softmax backward; 0 where `p` is 0).
    @inline(__always)
    static func softmaxBackward(_ p: UnsafePointer<Float>, _ g: UnsafeMutablePointer<Float>, heads: Int, nodes n: Int) {
        guard heads == 8 else {
            for h in 0..<heads {
                var inner: Float = 0
                for k in 0..<n { inner += p[k * heads + h] * g[k * heads + h] }
                for k in 0..<n { g[k * heads + h] = p[k * heads + h] * (g[k * heads + h] - inner) }
            }
            return
        }
        let rawP = UnsafeRawPointer(p), rawG = UnsafeMutableRawPointer(g)
        var inner = SIMD8<Float>()
        for k in 0..<n {
            inner += rawP.loadUnaligned(fromByteOffset: k &* 32, as: SIMD8<Float>.self)
                * rawG.loadUnaligned(fromByteOffset: k &* 32, as: SIMD8<Float>.self)
        }
        for k in 0..<n {
            let pk = rawP.loadUnaligned(fromByteOffset: k &* 32, as: SIMD8<Float>.self)
            let gk = rawG.loadUnaligned(fromByteOffset: k &* 32, as: SIMD8<Float>.self)
            rawG.storeBytes(of: pk * (gk - inner), toByteOffset: k &* 32, as: SIMD8<Float>.self)
        }
    }
}
