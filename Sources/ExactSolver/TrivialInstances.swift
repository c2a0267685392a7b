import RoutingCore

/// Instances too small for the models (a tour of at most 3 nodes, a vehicle-routing instance without
/// customers), solved by enumeration.
enum TrivialInstances {
    /// The optimum of a trivial instance, or `nil` when the instance needs the models.
    static func solve(_ instance: Instance) -> (solution: Solution, cost: Cost)? {
        if instance.kind.isVehicleRouting {
            return instance.customers.isEmpty ? (.routes([]), 0) : nil
        }
        let n = instance.dimension
        guard n <= 3 else { return nil }
        let tours = n == 3 ? [[0, 1, 2], [0, 2, 1]] : [Array(0..<n)]
        return tours.map { (Solution.tour($0), Evaluator.tourCost($0, distances: instance.distances)) }
            .min { $0.1 < $1.1 }
    }
}
