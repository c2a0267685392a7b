import RoutingCore

/// What every tour move search reads: costs and candidate lists as unchecked pointers.
///
/// Valid only inside ``SearchContext/with(_:_:_:)``.
struct SearchContext {
    /// The cost matrix.
    let costs: CostView
    /// Row-major `n × k` out-candidates (see ``CandidateLists``).
    let outgoing: UnsafePointer<Int32>
    /// Row-major `n × k` in-candidates.
    let incoming: UnsafePointer<Int32>
    /// Candidates per node.
    let k: Int

    /// Runs `body` with a context over `matrix` and `lists`.
    static func with<R>(_ matrix: DistanceMatrix, _ lists: CandidateLists, _ body: (SearchContext) throws -> R) rethrows -> R {
        try CostView.with(matrix) { costs in
            try lists.outgoing.withUnsafeBufferPointer { outgoing in
                try lists.incoming.withUnsafeBufferPointer { incoming in
                    // An empty list (n = 1) has no base address; no search reads it then.
                    let placeholder = UnsafePointer<Int32>(bitPattern: MemoryLayout<Int32>.alignment)!
                    return try body(SearchContext(costs: costs, outgoing: outgoing.baseAddress ?? placeholder,
                                                  incoming: incoming.baseAddress ?? placeholder, k: lists.k))
                }
            }
        }
    }
}
