import RoutingCore

/// Exhaustive optimum for tiny instances: the ground truth that solvers are tested against.
public enum BruteForce {
    /// The optimal tour cost of a TSP/ATSP with at most 10 nodes (node 0 fixed first).
    public static func optimalTourCost(_ instance: Instance) -> Cost {
        let n = instance.dimension
        precondition(n <= 10, "brute force is for tiny instances")
        guard n > 1 else { return 0 }
        var rest = Array(1..<n)
        var best = Cost.max
        permute(&rest, 0) { order in
            best = min(best, Evaluator.tourCost([0] + order, distances: instance.distances))
        }
        return best
    }

    /// The optimal CVRP cost for at most 8 customers: every customer order cut into routes by
    /// dynamic programming over split points (exact for an unlimited or limited fleet).
    public static func optimalCVRPCost(_ instance: Instance) -> Cost {
        var customers = instance.customers
        precondition(customers.count <= 8, "brute force is for tiny instances")
        let capacity = instance.capacity!
        let limit = instance.vehicleLimit ?? customers.count
        var best = Cost.max
        permute(&customers, 0) { order in
            // bestWith[k][i]: cheapest cost to serve order[0..<i] with k routes.
            let m = order.count
            var table = [[Cost]](repeating: [Cost](repeating: .max, count: m + 1), count: limit + 1)
            table[0][0] = 0
            for k in 1...max(1, limit) where k <= limit {
                for end in 1...m {
                    var load = 0
                    var start = end - 1
                    while start >= 0 {
                        load += instance.demands[order[start]]
                        if load > capacity { break }
                        if table[k - 1][start] != .max {
                            let route = Array(order[start..<end])
                            let cost = table[k - 1][start] + Evaluator.routeCost(route, depot: instance.depot, distances: instance.distances)
                            table[k][end] = min(table[k][end], cost)
                        }
                        start -= 1
                    }
                }
            }
            for k in 0...limit { best = min(best, table[k][m]) }
        }
        return best
    }

    private static func permute(_ a: inout [Int], _ k: Int, _ visit: ([Int]) -> Void) {
        if k == a.count { visit(a); return }
        for i in k..<a.count {
            a.swapAt(k, i)
            permute(&a, k + 1, visit)
            a.swapAt(k, i)
        }
    }
}
