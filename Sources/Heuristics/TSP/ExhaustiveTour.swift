import RoutingCore

/// The cheapest tour of a very small instance by depth-first enumeration of every order (node 0
/// fixed first) with cost pruning. Directed costs, so valid for ATSP.
///
/// ``TourHeuristicSolver`` uses it up to ``maximumDimension`` nodes, where it is faster than
/// starting the improvement loop and needs no time limit.
enum ExhaustiveTour {
    /// Largest dimension enumerated (7! = 5040 orders).
    static let maximumDimension = 8

    /// The cheapest tour over all `distances.count` nodes.
    /// - Precondition: `distances.count <= maximumDimension`.
    static func cheapest(_ distances: DistanceMatrix) -> [Int] {
        let n = distances.count
        precondition(n <= maximumDimension, "enumeration is for tiny instances")
        guard n > 2 else { return Array(0..<n) }
        var order = Array(0..<n)
        var best = order
        var bestCost = Evaluator.tourCost(order, distances: distances)
        func extend(_ depth: Int, _ cost: Int) {
            guard cost < bestCost else { return }
            if depth == n {
                let total = cost + distances[order[n - 1], 0]
                if total < bestCost { bestCost = total; best = order }
                return
            }
            for index in depth..<n {
                order.swapAt(depth, index)
                extend(depth + 1, cost + distances[order[depth - 1], order[depth]])
                order.swapAt(depth, index)
            }
        }
        extend(1, 0)
        return best
    }
}
