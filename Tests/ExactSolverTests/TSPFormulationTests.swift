import RoutingCore
import RoutingTestSupport
import Testing
@testable import ExactSolver

struct TSPFormulationTests {
    /// A tour's column values cost what the tour costs, satisfy the degree rows, are not cut, and
    /// translate back to the same cycle; two disjoint triangles are cut.
    @Test func tourRoundTripAndSubtourCut() throws {
        let instance = RandomInstances.euclideanTSP(6, seed: 4)
        let model = TSPFormulation(instance: instance)
        let tour = [0, 3, 1, 5, 2, 4]
        let values = try #require(model.columnValues(of: .tour(tour)))
        #expect(model.objective(of: values) == Double(Evaluator.tourCost(tour, distances: instance.distances)))
        #expect(model.initialRows.allSatisfy { $0.violation(at: values) == 0 })
        #expect(model.separate(values, integral: true, tolerance: 0.5).isEmpty)
        let back = try #require(model.solution(from: values)?.tour)
        #expect(back == tour || back == [0] + tour.dropFirst().reversed())

        var split = [Double](repeating: 0, count: model.columns.count)
        for (i, j) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)] { split[model.index(i, j)] = 1 }
        #expect(model.solution(from: split) == nil)
        let cuts = model.separate(split, integral: true, tolerance: 0.5)
        #expect(!cuts.isEmpty && cuts.allSatisfy { $0.violation(at: split) >= 1 })
    }
}
