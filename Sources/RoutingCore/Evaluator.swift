/// The one place that computes a solution's cost and checks its feasibility.
///
/// Every solver's output goes through ``Evaluator/evaluate(_:in:)`` before it is printed or written.
public enum Evaluator {
    /// Checks `solution` against `instance` and returns its cost.
    /// - Throws: ``SolutionError`` describing the first violation found.
    /// - Complexity: O(n).
    public static func evaluate(_ solution: Solution, in instance: Instance) throws(SolutionError) -> Cost {
        switch solution {
        case .tour(let order):
            guard !instance.kind.isVehicleRouting else { throw .wrongShape(expected: "a set of routes") }
            try checkPermutation(order, of: Array(0..<instance.dimension), dimension: instance.dimension)
            return tourCost(order, distances: instance.distances)
        case .routes(let routes):
            guard instance.kind.isVehicleRouting else { throw .wrongShape(expected: "a single tour") }
            let used = routes.filter { !$0.isEmpty }
            if let limit = instance.vehicleLimit, used.count > limit {
                throw .tooManyRoutes(routes: used.count, vehicles: limit)
            }
            let capacity = instance.capacity ?? .max
            var total: Cost = 0
            for (index, route) in routes.enumerated() where !route.isEmpty {
                var load = 0
                for node in route {
                    guard node >= 0 && node < instance.dimension else {
                        throw .nodeOutOfRange(node: node, dimension: instance.dimension)
                    }
                    guard node != instance.depot else { throw .depotInRoute(route: index) }
                    load += instance.demands[node]
                }
                guard load <= capacity else { throw .overCapacity(route: index, load: load, capacity: capacity) }
                total += routeCost(route, depot: instance.depot, distances: instance.distances)
            }
            try checkPermutation(routes.flatMap { $0 }, of: instance.customers, dimension: instance.dimension)
            return total
        }
    }

    /// Cost of a closed tour (no validation).
    @inlinable
    public static func tourCost(_ order: [Int], distances: DistanceMatrix) -> Cost {
        guard var previous = order.last else { return 0 }
        var total: Cost = 0
        for node in order {
            total += distances[previous, node]
            previous = node
        }
        return total
    }

    /// Cost of one route that leaves the depot, visits `route` in order and returns (no validation).
    @inlinable
    public static func routeCost(_ route: [Int], depot: Int, distances: DistanceMatrix) -> Cost {
        guard !route.isEmpty else { return 0 }
        var total: Cost = 0
        var previous = depot
        for node in route {
            total += distances[previous, node]
            previous = node
        }
        return total + distances[previous, depot]
    }

    private static func checkPermutation(_ visits: [Int], of expected: [Int], dimension: Int) throws(SolutionError) {
        var seen = [Bool](repeating: false, count: dimension)
        for node in visits {
            guard node >= 0 && node < dimension else { throw .nodeOutOfRange(node: node, dimension: dimension) }
            guard !seen[node] else { throw .repeatedNode(node) }
            seen[node] = true
        }
        if let missing = expected.first(where: { !seen[$0] }) { throw .missingNode(missing) }
        if visits.count != expected.count, let extra = visits.first(where: { !expected.contains($0) }) {
            throw .nodeOutOfRange(node: extra, dimension: dimension)
        }
    }
}
