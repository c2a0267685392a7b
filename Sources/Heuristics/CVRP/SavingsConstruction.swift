import RoutingCore

/// Clarke–Wright savings (parallel version): starts from one route per customer and merges the
/// route ending at `i` with the route starting at `j` in decreasing order of the saving
/// `d(i, depot) + d(depot, j) − d(i, j)`, while capacity allows.
///
/// Only pairs from the neighbour lists are considered (O(n·k log(n·k)) instead of O(n² log n)).
/// On symmetric matrices routes may also be joined end-to-end or start-to-start by reversing one,
/// which costs nothing there; on asymmetric matrices only tail-to-head joins are made.
enum SavingsConstruction {
    /// The savings routes, at most `data.vehicleLimit` of them: when the fleet is limited and the
    /// merges leave too many routes, the customers of the lightest extra routes are left out for
    /// the improvement search to place.
    static func routes(for data: CVRPData) -> [[Int]] {
        let depot = Int32(data.depot)
        var savings: [(saving: Int, from: Int32, to: Int32)] = []
        savings.reserveCapacity(data.customers.count * data.adjacencySize)
        for i in data.customers {
            for k in 0..<data.adjacencySize {
                let j = data.adjacency[Int(i) * data.adjacencySize + k]
                let saving = data.d(i, depot) + data.d(depot, j) - data.d(i, j)
                if saving > 0 { savings.append((saving, i, j)) }
            }
        }
        savings.sort { $0.saving != $1.saving ? $0.saving > $1.saving : ($0.from, $0.to) < ($1.from, $1.to) }

        var routeOf = [Int](repeating: -1, count: data.dimension)
        var routes: [[Int]] = []
        var loads: [Int] = []
        for c in data.customers {
            routeOf[Int(c)] = routes.count
            routes.append([Int(c)])
            loads.append(Int(data.demands[Int(c)]))
        }
        for (_, from, to) in savings {
            let a = routeOf[Int(from)], b = routeOf[Int(to)]
            guard a != b, loads[a] + loads[b] <= data.capacity else { continue }
            var left = routes[a], right = routes[b]
            let fromIsTail = left.last == Int(from), toIsHead = right.first == Int(to)
            if !(fromIsTail && toIsHead) {
                guard data.isSymmetric, fromIsTail || left.first == Int(from),
                      toIsHead || right.last == Int(to) else { continue }
                if !fromIsTail { left.reverse() }
                if !toIsHead { right.reverse() }
            }
            routes[a] = left + right
            loads[a] += loads[b]
            routes[b] = []
            loads[b] = 0
            for c in routes[a] { routeOf[c] = a }
        }
        var result = routes.filter { !$0.isEmpty }
        if result.count > data.vehicleLimit {
            result.sort { $0.reduce(0) { $0 + Int(data.demands[$1]) } > $1.reduce(0) { $0 + Int(data.demands[$1]) } }
            result.removeLast(result.count - data.vehicleLimit)
        }
        return result
    }
}
