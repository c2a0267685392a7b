@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct OrOptSearchTests {
    /// On symmetric and asymmetric instances every applied move's gain equals the recomputed
    /// cost decrease, and a search that finds nothing leaves the tour unchanged.
    @Test func gainMatchesRecomputedCost() {
        var rng = SeededGenerator(seed: 61)
        for seed in 1...25 as ClosedRange<UInt64> {
            for instance in TourFixtures.sweepInstances(seed: seed) {
                let n = instance.dimension
                TourFixtures.withContext(instance) { context in
                    var search = OrOptSearch(context: context, symmetric: instance.kind == .tsp)
                    var queue = ActiveQueue(n: n)
                    let tour = ArrayTour(TourFixtures.randomOrder(n, &rng))
                    for _ in 0..<2 * n {
                        let before = tour.nodes
                        let cost = TourFixtures.cost(tour, instance)
                        let gain = search.improve(from: Int32.random(in: 0..<Int32(n), using: &rng), tour: tour, activating: &queue)
                        #expect(gain >= 0)
                        #expect(TourFixtures.isConsistent(tour))
                        #expect(cost - TourFixtures.cost(tour, instance) == gain)
                        if gain == 0 { #expect(tour.nodes == before) }
                    }
                }
            }
        }
    }

    /// On points along a line, a misplaced node (and a misplaced reversed pair) is moved back
    /// into place, which is the optimal tour.
    @Test func repairsMisplacedSegments() throws {
        let matrix = try DistanceMatrix(count: 8) { i, j in 10 * abs(i - j) }
        let instance = try Instance(name: "line", kind: .tsp, distances: matrix)
        for (order, v) in [([0, 1, 2, 5, 3, 4, 6, 7], 5), ([0, 1, 4, 3, 2, 6, 5, 7], 6)] {
            TourFixtures.withContext(instance, k: 7) { context in
                var search = OrOptSearch(context: context, symmetric: true)
                var queue = ActiveQueue(n: 8)
                let tour = ArrayTour(order)
                let gain = search.improve(from: Int32(v), tour: tour, activating: &queue)
                #expect(gain > 0)
                let repaired = TourFixtures.cost(tour, instance)
                #expect(repaired == Evaluator.tourCost(order, distances: matrix) - gain)
                if order[3] == 5 { #expect(repaired == 140) }
            }
        }
    }
}
