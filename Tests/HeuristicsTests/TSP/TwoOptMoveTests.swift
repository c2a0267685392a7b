@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct TwoOptMoveTests {
    /// On random symmetric instances and random tours, every valid move's delta equals the
    /// recomputed cost change, in both orientations.
    @Test func deltaMatchesRecomputedCost() {
        var rng = SeededGenerator(seed: 21)
        for seed in 1...40 as ClosedRange<UInt64> {
            let instance = RandomInstances.euclideanTSP(6 + Int(seed % 15), seed: seed)
            let n = instance.dimension
            CostView.with(instance.distances) { costs in
                for _ in 0..<25 {
                    let tour = ArrayTour(TourFixtures.randomOrder(n, &rng))
                    let t1 = Int32.random(in: 0..<Int32(n), using: &rng)
                    let forward = Bool.random(using: &rng)
                    let t2 = tour.succ(t1, forward: forward)
                    let t3 = Int32.random(in: 0..<Int32(n), using: &rng)
                    let move = TwoOptMove(t1: t1, t2: t2, t3: t3, t4: tour.succ(t3, forward: !forward))
                    guard move.isValid(in: tour) else { continue }
                    let before = TourFixtures.cost(tour, instance)
                    let delta = move.delta(costs)
                    move.apply(to: tour)
                    #expect(TourFixtures.isConsistent(tour))
                    #expect(TourFixtures.cost(tour, instance) - before == delta)
                    #expect(tour.succ(t2, forward: true) == t3 || tour.succ(t2, forward: false) == t3)
                }
            }
        }
    }

    /// Moves whose nodes do not fit the tour are reported invalid.
    @Test func rejectsMismatchedRoles() {
        let tour = ArrayTour([0, 1, 2, 3, 4, 5])
        #expect(TwoOptMove(t1: 0, t2: 1, t3: 4, t4: 3).isValid(in: tour))
        #expect(!TwoOptMove(t1: 0, t2: 2, t3: 4, t4: 3).isValid(in: tour))
        #expect(!TwoOptMove(t1: 0, t2: 1, t3: 3, t4: 4).isValid(in: tour))
    }
}
