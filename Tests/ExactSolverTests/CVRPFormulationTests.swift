import RoutingCore
import RoutingTestSupport
import Testing
@testable import ExactSolver

struct CVRPFormulationTests {
    /// Routes, including a one-customer route (its depot edge at 2), round-trip through column values;
    /// an overloaded route is cut by a rounded capacity inequality.
    @Test func routesRoundTripAndCapacityCut() throws {
        let instance = RandomInstances.cvrp(customers: 5, capacity: 100, seed: 3)
        let model = CVRPFormulation(instance: instance)
        let routes = [[1, 4], [3], [2, 5]]
        let values = try #require(model.columnValues(of: .routes(routes)))
        #expect(values[model.index(0, 3)] == 2)
        #expect(model.objective(of: values) == Double(try Evaluator.evaluate(.routes(routes), in: instance)))
        #expect(model.initialRows.allSatisfy { $0.violation(at: values) == 0 })
        #expect(model.separate(values, integral: true, tolerance: 0.5).isEmpty)
        let back = try #require(model.solution(from: values)?.routes)
        #expect(try Evaluator.evaluate(.routes(back), in: instance) == Evaluator.evaluate(.routes(routes), in: instance))

        let tight = RandomInstances.cvrp(customers: 5, capacity: 9, seed: 3)
        let single = try #require(CVRPFormulation(instance: tight).columnValues(of: .routes([[1, 2, 3, 4, 5]])))
        let cuts = CVRPFormulation(instance: tight).separate(single, integral: true, tolerance: 0.5)
        #expect(!cuts.isEmpty && cuts.allSatisfy { $0.violation(at: single) >= 1 })
    }
}
