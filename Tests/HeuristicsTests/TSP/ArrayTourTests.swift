@testable import Heuristics
import RoutingCore
import Testing

@Suite struct ArrayTourTests {
    /// next, prev, distance and between follow the stored order cyclically.
    @Test func navigation() {
        let tour = ArrayTour([3, 0, 4, 1, 2])
        #expect(tour.next(2) == 3)
        #expect(tour.prev(3) == 2)
        #expect(tour.next(4) == 1)
        #expect(tour.distance(from: 1, to: 0) == 3)
        #expect(tour.between(0, 1, 3))
        #expect(!tour.between(0, 3, 1))
    }

    /// Reversals (either side) and segment exchanges keep order and positions consistent, and
    /// undo restores the exact starting order.
    @Test func editsAndUndo() {
        var rng = SeededGenerator(seed: 11)
        for n in [5, 8, 13, 30] {
            let start = TourFixtures.randomOrder(n, &rng)
            let tour = ArrayTour(start)
            let mark = tour.mark
            for _ in 0..<40 {
                if Bool.random(using: &rng) {
                    tour.reverse(from: Int.random(in: 0..<n, using: &rng), to: Int.random(in: 0..<n, using: &rng))
                } else {
                    let first = Int.random(in: 1..<(n - 1), using: &rng)
                    tour.exchange(start: Int.random(in: 0..<n, using: &rng), firstLength: first,
                                  secondLength: Int.random(in: 1...(n - first), using: &rng))
                }
                #expect(TourFixtures.isConsistent(tour))
            }
            tour.undo(to: mark)
            #expect(tour.nodes == start)
        }
    }

    /// A reversal produces the same cycle as reversing the path in a plain array.
    @Test func reverseMatchesArrayReversal() {
        let tour = ArrayTour(Array(0..<10))
        tour.reverse(from: 2, to: 8)  // longer than half: the complement is reversed instead
        let expected = [0, 1, 8, 7, 6, 5, 4, 3, 2, 9]
        let nodes = tour.nodes
        let rotations = (0..<10).map { r in (0..<10).map { nodes[($0 + r) % 10] } }
        let reversed = rotations.map { Array($0.reversed()) }
        #expect((rotations + reversed).contains(expected))
    }

    /// Exchanging adjacent segments keeps both segments' orientation.
    @Test func exchangeKeepsOrientation() {
        let tour = ArrayTour(Array(0..<8))
        tour.exchange(start: 6, firstLength: 3, secondLength: 2)  // wraps: [6 7 0] [1 2] → [1 2] [6 7 0]
        #expect(tour.nodes == [6, 7, 0, 3, 4, 5, 1, 2])
    }
}
