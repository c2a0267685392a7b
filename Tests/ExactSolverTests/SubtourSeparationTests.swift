import Testing
@testable import ExactSolver

struct SubtourSeparationTests {
    /// Two disjoint 3-cycles: both are violated subtours; a Hamiltonian cycle has none; a fractional
    /// solution whose two halves share total weight 1 is cut by the minimum-cut stage.
    @Test func separatesIntegralAndFractionalSubtours() {
        var split = SupportGraph(nodes: 6)
        for (i, j) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)] { split.add(1, between: i, and: j) }
        #expect(SubtourSeparation.violatedSets(in: split, tolerance: 1e-3, integral: true) == [[0, 1, 2], [3, 4, 5]])

        var tour = SupportGraph(nodes: 6)
        for k in 0..<6 { tour.add(1, between: k, and: (k + 1) % 6) }
        #expect(SubtourSeparation.violatedSets(in: tour, tolerance: 1e-3, integral: false).isEmpty)

        // Triangles {0,1,2} and {3,4,5} with edges at 0.75 inside, joined by (2,3) and (5,0) at 0.5 each:
        // degree 2 everywhere, crossing 1 < 2.
        var fractional = SupportGraph(nodes: 6)
        for (i, j) in [(0, 1), (3, 4)] { fractional.add(1, between: i, and: j) }
        for (i, j) in [(1, 2), (0, 2), (4, 5), (3, 5)] { fractional.add(0.75, between: i, and: j) }
        fractional.add(0.5, between: 2, and: 3)
        fractional.add(0.5, between: 5, and: 0)
        let found = SubtourSeparation.violatedSets(in: fractional, tolerance: 1e-3, integral: false)
        #expect(found.first == [0, 1, 2] || found.first == [3, 4, 5])
    }

    /// The smaller side of a set is reported.
    @Test func reportsSmallerSide() {
        #expect(SubtourSeparation.smallerSide([0, 1, 2, 4], nodes: 5) == [3])
        #expect(SubtourSeparation.smallerSide([4, 1], nodes: 5) == [1, 4])
    }
}
