import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct TourPolishTests {
    /// On symmetric and asymmetric random instances of 3 to 40 nodes, the polished tour is a permutation
    /// and never costs more than the random tour it started from.
    @Test func neverWorseAndValid() throws {
        for seed in UInt64(0)..<30 {
            let n = 3 + Int(seed) % 38
            for instance in [RandomInstances.euclideanTSP(n, seed: seed), RandomInstances.randomATSP(n, seed: seed)] {
                var rng = SeededGenerator(seed: seed &+ 77)
                let start = Array(0..<n).shuffled(using: &rng)
                let polished = TourPolish.improve(start, distances: instance.distances)
                let cost = try Evaluator.evaluate(.tour(polished), in: instance)
                #expect(cost <= Evaluator.tourCost(start, distances: instance.distances), "\(instance.name)")
            }
        }
    }

    /// A random tour through 60 uniform points is far from a local optimum; the polish shortens it by
    /// more than half, and polishing the result again changes nothing (a local optimum).
    @Test func reachesALocalOptimum() {
        let instance = RandomInstances.euclideanTSP(60, seed: 9)
        var rng = SeededGenerator(seed: 3)
        let start = Array(0..<60).shuffled(using: &rng)
        let once = TourPolish.improve(start, distances: instance.distances)
        let onceCost = Evaluator.tourCost(once, distances: instance.distances)
        #expect(2 * onceCost < Evaluator.tourCost(start, distances: instance.distances))
        #expect(TourPolish.improve(once, distances: instance.distances) == once)
    }

    /// Tiny instances (at most 8 nodes) come back as their cheapest tour.
    @Test func tinyInstancesBecomeOptimal() {
        let instance = RandomInstances.euclideanTSP(7, seed: 4)
        let polished = TourPolish.improve([6, 0, 5, 1, 4, 2, 3], distances: instance.distances)
        let best = BruteForce.optimalTourCost(instance)
        #expect(Evaluator.tourCost(polished, distances: instance.distances) == best)
    }
}
