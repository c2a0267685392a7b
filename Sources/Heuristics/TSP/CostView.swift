import RoutingCore

/// A borrowed, unchecked view of a ``DistanceMatrix`` for local-search inner loops.
///
/// Valid only inside the `withUnsafeBufferPointer` scope that created it
/// (see ``CostView/with(_:_:)``); it never outlives the matrix.
struct CostView {
    /// Row-major `n × n` entries.
    let base: UnsafePointer<Int32>
    /// Number of nodes.
    let n: Int

    /// The cost of travelling from `i` to `j`.
    @inline(__always)
    subscript(i: Int32, j: Int32) -> Int {
        Int(base[Int(i) &* n &+ Int(j)])
    }

    /// The cost of travelling from `i` to `j`.
    @inline(__always)
    subscript(i: Int, j: Int) -> Int {
        Int(base[i &* n &+ j])
    }

    /// Runs `body` with a view of `matrix`.
    static func with<R>(_ matrix: DistanceMatrix, _ body: (CostView) throws -> R) rethrows -> R {
        try matrix.storage.withUnsafeBufferPointer { buffer in
            try body(CostView(base: buffer.baseAddress!, n: matrix.count))
        }
    }

    /// The cost of the closed tour `order` (directed: `order[i] → order[i+1]`).
    func tourCost(_ order: UnsafeBufferPointer<Int32>) -> Int {
        guard var previous = order.last else { return 0 }
        var total = 0
        for node in order {
            total &+= self[previous, node]
            previous = node
        }
        return total
    }
}
