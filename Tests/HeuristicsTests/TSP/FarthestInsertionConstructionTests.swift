import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct FarthestInsertionConstructionTests {
    /// Tours are permutations on symmetric and asymmetric instances of sizes 1–25.
    @Test func buildsPermutations() {
        #expect(TourFixtures.buildsPermutations(FarthestInsertionConstruction()))
    }

    /// On points on a circle (convex position) insertion keeps the angular order: the optimal tour.
    @Test func solvesCircle() {
        let (matrix, optimum) = TourFixtures.circle()
        #expect(Evaluator.tourCost(FarthestInsertionConstruction().tour(for: matrix), distances: matrix) == optimum)
    }
}

extension FarthestInsertionConstructionTests {
    /// On points along a line the tour is the optimal out-and-back tour.
    @Test func solvesLine() throws {
        let matrix = try DistanceMatrix(count: 9) { i, j in 7 * abs(i - j) }
        #expect(Evaluator.tourCost(FarthestInsertionConstruction().tour(for: matrix), distances: matrix) == 2 * 7 * 8)
    }
}
