import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct CheapestInsertionConstructionTests {
    /// Tours are permutations on symmetric and asymmetric instances of sizes 1–25.
    @Test func buildsPermutations() {
        #expect(TourFixtures.buildsPermutations(CheapestInsertionConstruction()))
    }

    /// On points on a circle (convex position) insertion keeps the angular order: the optimal tour.
    @Test func solvesCircle() {
        let (matrix, optimum) = TourFixtures.circle()
        #expect(Evaluator.tourCost(CheapestInsertionConstruction().tour(for: matrix), distances: matrix) == optimum)
    }
}

extension CheapestInsertionConstructionTests {
    /// Never worse than twice the optimum on small metric instances (the classic bound).
    @Test func withinTwiceOptimum() {
        for seed in 1...8 as ClosedRange<UInt64> {
            let instance = RandomInstances.euclideanTSP(8, seed: seed)
            let cost = Evaluator.tourCost(CheapestInsertionConstruction().tour(for: instance.distances), distances: instance.distances)
            #expect(cost <= 2 * BruteForce.optimalTourCost(instance) + 8)
        }
    }
}
