import RoutingCore

/// The CVRP heuristic's granular local search (``LocalSearch``: relocate, Or-opt, swap,
/// cross-exchange, 2-opt*, intra-route 2-opt), run once from given routes: a polish for solutions that
/// come from elsewhere (a learned policy's `--polish`). Only improving moves are applied, within the
/// capacity and the instance's fleet limit, until a local optimum or the deadline.
public enum RoutePolish {
    /// Routes at least as cheap as `routes` and feasible for `instance`, or `routes` itself.
    /// - Parameters:
    ///   - routes: a feasible solution of `instance` (customers in driving order, no depot).
    ///   - seed: orders the customer scan (the result is a function of the seed).
    ///   - deadline: stops the search early; `nil` runs to a local optimum.
    public static func improve(_ routes: [[Int]], in instance: Instance, seed: UInt64,
                               deadline: Deadline? = nil) -> [[Int]] {
        precondition(instance.kind.isVehicleRouting, "RoutePolish works on vehicle-routing instances")
        guard let before = try? Evaluator.evaluate(.routes(routes), in: instance), !instance.customers.isEmpty else {
            return routes
        }
        let data = CVRPData(instance: instance)
        let used = routes.filter { !$0.isEmpty }
        guard used.count <= data.routeSlots else { return routes }
        let state = RouteState(data: data, routes: used)
        var seeds = SeededGenerator(seed: seed)
        var random = FastRandom(seededFrom: &seeds)
        LocalSearch(data: data).run(state, random: &random, deadline: deadline)
        let improved = state.routes
        guard let after = try? Evaluator.evaluate(.routes(improved), in: instance), after < before else { return routes }
        return improved
    }
}
