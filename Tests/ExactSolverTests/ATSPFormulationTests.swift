import RoutingCore
import RoutingTestSupport
import Testing
@testable import ExactSolver

struct ATSPFormulationTests {
    /// A directed tour round-trips in driving order; two 2-cycles are cut by DFJ inequalities.
    @Test func tourRoundTripAndDFJCut() throws {
        let instance = RandomInstances.randomATSP(4, seed: 2)
        let model = ATSPFormulation(instance: instance)
        let tour = [0, 2, 3, 1]
        let values = try #require(model.columnValues(of: .tour(tour)))
        #expect(model.objective(of: values) == Double(Evaluator.tourCost(tour, distances: instance.distances)))
        #expect(model.initialRows.allSatisfy { $0.violation(at: values) == 0 })
        #expect(model.separate(values, integral: true, tolerance: 0.5).isEmpty)
        #expect(model.solution(from: values) == .tour(tour))

        var cycles = [Double](repeating: 0, count: model.columns.count)
        for (i, j) in [(0, 1), (1, 0), (2, 3), (3, 2)] { cycles[model.index(i, j)] = 1 }
        #expect(model.solution(from: cycles) == nil)
        let cuts = model.separate(cycles, integral: true, tolerance: 0.5)
        #expect(!cuts.isEmpty && cuts.allSatisfy { $0.violation(at: cycles) >= 1 })
    }
}
