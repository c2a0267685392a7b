import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct NearestNeighborConstructionTests {
    /// Tours are permutations on symmetric and asymmetric instances of sizes 1–25.
    @Test func buildsPermutations() {
        #expect(TourFixtures.buildsPermutations(NearestNeighborConstruction()))
        #expect(TourFixtures.buildsPermutations(NearestNeighborConstruction(start: 7)))
    }

    /// The tour starts at `start` and each step drives along the cheapest arc to an unvisited node.
    @Test func followsCheapestArcs() {
        let instance = RandomInstances.randomATSP(15, seed: 4)
        let d = instance.distances
        let tour = NearestNeighborConstruction(start: 3).tour(for: d)
        #expect(tour.first == 3)
        for index in 1..<tour.count {
            let from = tour[index - 1]
            let unvisited = tour[index...]
            #expect(d[from, tour[index]] == unvisited.map { d[from, $0] }.min())
        }
    }

    /// On points on a circle the tour is the optimal angular tour.
    @Test func solvesCircle() {
        let (matrix, optimum) = TourFixtures.circle()
        #expect(Evaluator.tourCost(NearestNeighborConstruction().tour(for: matrix), distances: matrix) == optimum)
    }
}
