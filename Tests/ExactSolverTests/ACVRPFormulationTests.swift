import RoutingCore
import RoutingTestSupport
import Testing
@testable import ExactSolver

struct ACVRPFormulationTests {
    /// Routes round-trip in driving order (it matters for asymmetric costs); the depot balance and fleet
    /// rows hold; an overloaded route is cut.
    @Test func routesRoundTripAndCapacityCut() throws {
        let instance = RandomInstances.cvrp(customers: 5, capacity: 100, seed: 8, asymmetric: true)
        let model = ACVRPFormulation(instance: instance)
        let routes = [[4, 1], [3], [5, 2]]
        let values = try #require(model.columnValues(of: .routes(routes)))
        #expect(model.objective(of: values) == Double(try Evaluator.evaluate(.routes(routes), in: instance)))
        #expect(model.initialRows.allSatisfy { $0.violation(at: values) == 0 })
        #expect(model.separate(values, integral: true, tolerance: 0.5).isEmpty)
        #expect(Set(try #require(model.solution(from: values)?.routes)) == Set(routes))

        let tight = RandomInstances.cvrp(customers: 5, capacity: 9, seed: 8, asymmetric: true)
        let single = try #require(ACVRPFormulation(instance: tight).columnValues(of: .routes([[1, 2, 3, 4, 5]])))
        let cuts = ACVRPFormulation(instance: tight).separate(single, integral: true, tolerance: 0.5)
        #expect(!cuts.isEmpty && cuts.allSatisfy { $0.violation(at: single) >= 1 })
    }
}
