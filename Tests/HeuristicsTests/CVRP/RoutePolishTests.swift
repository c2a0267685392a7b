import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct RoutePolishTests {
    /// One route per customer (the worst sensible start): on random instances, with and without a fleet
    /// limit, symmetric and asymmetric, the polish returns a feasible solution that never costs more.
    @Test func neverWorseAndFeasible() throws {
        for seed in UInt64(0)..<24 {
            let customers = 2 + Int(seed) % 20
            let open = RandomInstances.cvrp(customers: customers, capacity: 30, seed: seed, asymmetric: seed % 2 == 1)
            let limited = RandomInstances.cvrp(customers: customers, capacity: 30, seed: seed, asymmetric: seed % 2 == 1,
                                               vehicleLimit: customers)
            for instance in [open, limited] {
                let start = instance.customers.map { [$0] }
                let before = try Evaluator.evaluate(.routes(start), in: instance)
                let polished = RoutePolish.improve(start, in: instance, seed: seed)
                let after = try Evaluator.evaluate(.routes(polished), in: instance)
                #expect(after <= before, "\(instance.name)")
            }
        }
    }

    /// Singleton routes on 30 customers merge into far cheaper routes, and the same seed gives the same answer.
    @Test func improvesAndIsSeeded() throws {
        let instance = RandomInstances.cvrp(customers: 30, capacity: 40, seed: 7)
        let start = instance.customers.map { [$0] }
        let first = RoutePolish.improve(start, in: instance, seed: 5)
        #expect(try Evaluator.evaluate(.routes(first), in: instance) < Evaluator.evaluate(.routes(start), in: instance))
        #expect(RoutePolish.improve(start, in: instance, seed: 5) == first)
    }

    /// An infeasible input (a customer missing) is returned unchanged rather than "repaired".
    @Test func infeasibleInputIsReturnedAsIs() {
        let instance = RandomInstances.cvrp(customers: 5, capacity: 40, seed: 1)
        let partial = [[1, 2], [3]]
        #expect(RoutePolish.improve(partial, in: instance, seed: 1) == partial)
    }
}
