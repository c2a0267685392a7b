/// NumPy-style broadcasting of two shapes, reduced to the fewest dimensions.
///
/// Shapes are aligned on the right; a dimension of 1 (or a missing one) repeats. Adjacent dimensions
/// that broadcast the same way are merged, so `[B, n, d] + [d]` becomes rows of `d` with `b` restarting
/// each row. Visiting happens row by row (the innermost merged dimension), so the inner loops are long
/// and vectorise.
struct BroadcastPlan {
    /// Result shape (unmerged, for the output tensor).
    let outputShape: [Int]
    /// Merged extents, outermost first.
    private let extents: [Int]
    private let stridesA: [Int]
    private let stridesB: [Int]
    /// Length of a row (innermost merged extent).
    let rowLength: Int
    /// Step of `a` and `b` along a row: 1, or 0 when broadcast.
    let stepA: Int
    let stepB: Int
    let outputCount: Int

    init(_ a: [Int], _ b: [Int]) {
        let rank = max(a.count, b.count)
        let paddedA = Array(repeating: 1, count: rank - a.count) + a
        let paddedB = Array(repeating: 1, count: rank - b.count) + b
        var shape = [Int]()
        for (x, y) in zip(paddedA, paddedB) {
            precondition(x == y || x == 1 || y == 1, "cannot broadcast \(a) with \(b)")
            shape.append(x == 1 ? y : x)
        }
        outputShape = shape
        outputCount = shape.reduce(1, *)
        // Merge dimensions: a dimension's kind is (a broadcast?, b broadcast?); ones are dropped.
        var extents = [Int](), kinds = [(Bool, Bool)]()
        for d in 0..<rank where shape[d] != 1 {
            let kind = (paddedA[d] == 1, paddedB[d] == 1)
            if let last = kinds.last, last == kind {
                extents[extents.count - 1] *= shape[d]
            } else {
                extents.append(shape[d])
                kinds.append(kind)
            }
        }
        if extents.isEmpty {
            extents = [1]
            kinds = [(false, false)]
        }
        var sa = [Int](repeating: 0, count: extents.count), sb = sa
        var runA = 1, runB = 1
        for d in (0..<extents.count).reversed() {
            if !kinds[d].0 { sa[d] = runA; runA *= extents[d] }
            if !kinds[d].1 { sb[d] = runB; runB *= extents[d] }
        }
        self.extents = extents
        stridesA = sa
        stridesB = sb
        rowLength = extents[extents.count - 1]
        stepA = sa[sa.count - 1]
        stepB = sb[sb.count - 1]
    }

    /// Calls `body(outputOffset, aOffset, bOffset)` at the start of every row.
    @inline(__always)
    func forEachRow(_ body: (Int, Int, Int) -> Void) {
        let rows = outputCount / max(rowLength, 1)
        let outer = extents.count - 1
        var index = [Int](repeating: 0, count: max(outer, 1))
        var offsetA = 0, offsetB = 0
        for row in 0..<rows {
            body(row * rowLength, offsetA, offsetB)
            var d = outer - 1
            while d >= 0 {
                index[d] += 1
                offsetA += stridesA[d]
                offsetB += stridesB[d]
                if index[d] < extents[d] { break }
                offsetA -= stridesA[d] * extents[d]
                offsetB -= stridesB[d] * extents[d]
                index[d] = 0
                d -= 1
            }
        }
    }
}
