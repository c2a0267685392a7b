import RoutingCore

/// Nearest neighbour: from `start`, always drive to the cheapest unvisited node.
/// - Complexity: O(n²).
public struct NearestNeighborConstruction: TourConstruction {
    /// The first node (taken modulo `n`).
    public var start: Int

    public init(start: Int = 0) {
        self.start = start
    }

    public func tour(for distances: DistanceMatrix) -> [Int] {
        let n = distances.count
        var visited = [Bool](repeating: false, count: n)
        var current = ((start % n) + n) % n
        var order = [current]
        order.reserveCapacity(n)
        visited[current] = true
        for _ in 1..<max(1, n) {
            var next = -1
            var nextCost = Int.max
            for v in 0..<n where !visited[v] && distances[current, v] < nextCost {
                next = v
                nextCost = distances[current, v]
            }
            visited[next] = true
            order.append(next)
            current = next
        }
        return order
    }
}
