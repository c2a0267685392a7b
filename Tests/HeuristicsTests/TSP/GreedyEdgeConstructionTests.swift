import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct GreedyEdgeConstructionTests {
    /// Tours are permutations on symmetric and asymmetric instances of sizes 1–25.
    @Test func buildsPermutations() {
        #expect(TourFixtures.buildsPermutations(GreedyEdgeConstruction()))
        #expect(TourFixtures.buildsPermutations(GreedyEdgeConstruction(candidates: 2)))
    }

    /// The cheapest arc of an asymmetric instance is always driven in its own direction.
    @Test func keepsCheapestArc() {
        for seed in 1...10 as ClosedRange<UInt64> {
            let d = RandomInstances.randomATSP(20, seed: seed, maxCost: 1000).distances
            var cheapest = (0, 1)
            for i in 0..<20 { for j in 0..<20 where i != j && d[i, j] < d[cheapest.0, cheapest.1] { cheapest = (i, j) } }
            let tour = GreedyEdgeConstruction().tour(for: d)
            let at = tour.firstIndex(of: cheapest.0)!
            #expect(tour[(at + 1) % 20] == cheapest.1)
        }
    }

    /// On points on a circle the tour is the optimal angular tour.
    @Test func solvesCircle() {
        let (matrix, optimum) = TourFixtures.circle()
        #expect(Evaluator.tourCost(GreedyEdgeConstruction().tour(for: matrix), distances: matrix) == optimum)
    }
}
