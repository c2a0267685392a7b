import RoutingCore

/// Per-node candidate lists for the tour local searches, in both directions.
///
/// `outgoing(v)` lists the nodes `w` with the cheapest arcs `v → w`, `incoming(v)` those with the
/// cheapest arcs `w → v`, cheapest first. For symmetric matrices both are the shared
/// ``NeighborLists``.
struct CandidateLists: Sendable {
    /// Candidates per node.
    let k: Int
    /// Row-major `n × k` out-candidates.
    let outgoing: [Int32]
    /// Row-major `n × k` in-candidates.
    let incoming: [Int32]

    /// Builds lists of `min(k, n − 1)` candidates per node.
    /// - Complexity: O(n² log n) for asymmetric matrices, as ``NeighborLists`` for symmetric ones.
    init(distances: DistanceMatrix, k requested: Int, symmetric: Bool) {
        let n = distances.count
        if symmetric {
            let lists = NeighborLists(distances: distances, k: requested)
            k = lists.k
            outgoing = lists.flat
            incoming = lists.flat
            return
        }
        let k = max(0, min(requested, n - 1))
        var outgoing = [Int32](repeating: 0, count: n * k)
        var incoming = [Int32](repeating: 0, count: n * k)
        var others = [Int](repeating: 0, count: n - 1)
        for v in 0..<n {
            var index = 0
            for w in 0..<n where w != v { others[index] = w; index += 1 }
            others.sort { (distances[v, $0], $0) < (distances[v, $1], $1) }
            for r in 0..<k { outgoing[v * k + r] = Int32(others[r]) }
            others.sort { (distances[$0, v], $0) < (distances[$1, v], $1) }
            for r in 0..<k { incoming[v * k + r] = Int32(others[r]) }
        }
        self.k = k
        self.outgoing = outgoing
        self.incoming = incoming
    }
}
