/// Small raw-pointer kernels shared by the operations.
///
/// Swift does not reassociate floating-point sums, so a plain reduction loop stays scalar; ``dot(_:_:_:)``
/// therefore uses explicit SIMD accumulators (fixed order, so results are deterministic). Loops that
/// are not reductions (``axpy(_:_:_:_:)``) auto-vectorise at `-O`.
enum Kernels {
    /// `Σ a[i]·b[i]` for `i < count`.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var sum0 = SIMD8<Float>(), sum1 = SIMD8<Float>()
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        var i = 0
        while i + 16 <= count {
            sum0 += rawA.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            sum1 += rawA.loadUnaligned(fromByteOffset: i * 4 + 32, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: i * 4 + 32, as: SIMD8<Float>.self)
            i += 16
        }
        if i + 8 <= count {
            sum0 += rawA.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        var total = (sum0 + sum1).sum()
        while i < count {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    /// `y[i] += alpha · x[i]` for `i < count`.
    @inline(__always)
    static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ count: Int) {
        for i in 0..<count { y[i] += alpha * x[i] }
    }

    /// `Σ x[i]` in double precision with a fixed order.
    @inline(__always)
    static func sum(_ x: UnsafePointer<Float>, _ count: Int) -> Double {
        var total = 0.0
        for i in 0..<count { total += Double(x[i]) }
        return total
    }

    /// Adds column sums of a row-major `[rows, columns]` matrix into `target` (stores when `accumulate` is false).
    static func columnSums(_ x: UnsafePointer<Float>, rows: Int, columns: Int,
                           into target: GradientTarget) {
        let out = target.pointer
        if !target.accumulates { out.update(repeating: 0, count: columns) }
        for row in 0..<rows {
            let source = x + row * columns
            for j in 0..<columns { out[j] += source[j] }
        }
    }
}
