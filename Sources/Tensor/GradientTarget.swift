/// Where a backward pass writes one input's gradient.
///
/// A buffer that no op has written yet is handed out uninitialised (``accumulates`` is `false`), so the
/// first contribution is stored instead of added to zeros; later contributions add.
struct GradientTarget {
    /// Start of the gradient storage.
    let pointer: UnsafeMutablePointer<Float>
    /// `true` when the storage already holds a gradient to add to.
    let accumulates: Bool

    /// The `beta` to pass to a GEMM writing this gradient.
    @inline(__always) var beta: Float { accumulates ? 1 : 0 }

    /// Stores or adds `value(i)` for every `i < count`.
    @inline(__always)
    func update(count: Int, _ value: (Int) -> Float) {
        let p = pointer
        if accumulates {
            for i in 0..<count { p[i] += value(i) }
        } else {
            for i in 0..<count { p[i] = value(i) }
        }
    }

    /// Zero-fills a fresh buffer so the caller can scatter-add into it.
    @inline(__always)
    func prepareForScatter(count: Int) {
        if !accumulates { pointer.update(repeating: 0, count: count) }
    }
}
