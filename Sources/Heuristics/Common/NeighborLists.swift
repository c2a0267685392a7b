import RoutingCore

/// For every node, its `k` cheapest other nodes, nearest first — the candidate set local-search
/// operators scan instead of all `n` nodes.
///
/// For asymmetric matrices the order uses `min(d(i,j), d(j,i))`, so a neighbour is close in at
/// least one direction.
public struct NeighborLists: Sendable {
    /// Neighbours per node.
    public let k: Int
    /// Row-major `n × k` neighbour indices: `flat[i * k + r]` is node `i`'s `r`-th nearest.
    public let flat: [Int32]

    /// Builds lists of `min(k, n − 1)` neighbours per node.
    /// - Parameter among: restrict neighbours to these nodes (for CVRP: the customers); `nil` means all.
    /// - Complexity: O(n² log k).
    public init(distances: DistanceMatrix, k requested: Int, among candidates: [Int]? = nil) {
        let n = distances.count
        let pool = candidates ?? Array(0..<n)
        let k = max(0, min(requested, pool.count - 1))
        var flat = [Int32](repeating: 0, count: n * k)
        var scored: [(Int, Int)] = []
        scored.reserveCapacity(pool.count)
        for i in 0..<n {
            scored.removeAll(keepingCapacity: true)
            for j in pool where j != i {
                scored.append((min(distances[i, j], distances[j, i]), j))
            }
            let nearest = scored.count > 4 * k
                ? Self.smallest(k, of: scored)
                : scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            for r in 0..<min(k, nearest.count) { flat[i * k + r] = Int32(nearest[r].1) }
            for r in min(k, nearest.count)..<k { flat[i * k + r] = Int32(nearest.last?.1 ?? i) }
        }
        self.k = k
        self.flat = flat
    }

    /// The neighbours of `node`, nearest first.
    @inlinable
    public func of(_ node: Int) -> ArraySlice<Int32> {
        flat[(node * k)..<((node + 1) * k)]
    }

    /// The `k` smallest (cost, node) pairs in ascending order, via a partial selection.
    private static func smallest(_ k: Int, of items: [(Int, Int)]) -> [(Int, Int)] {
        var best: [(Int, Int)] = []
        best.reserveCapacity(k + 1)
        for item in items {
            if best.count == k, let worst = best.last, !(item.0 < worst.0 || (item.0 == worst.0 && item.1 < worst.1)) {
                continue
            }
            var index = best.count
            while index > 0 && (item.0 < best[index - 1].0 || (item.0 == best[index - 1].0 && item.1 < best[index - 1].1)) {
                index -= 1
            }
            best.insert(item, at: index)
            if best.count > k { best.removeLast() }
        }
        return best
    }
}
