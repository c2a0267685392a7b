import Testing
@testable import ExactSolver

struct CapacitySeparationTests {
    /// Depot 0, customers 1–4 with demand 3 each, capacity 6. One route 0-1-2-3-4-0 carries 12 > 6: the
    /// whole set needs 2 vehicles but is crossed only twice, so it is violated; two routes of two are fine.
    @Test func findsOverloadedRoute() {
        let separation = CapacitySeparation(demands: [0, 3, 3, 3, 3], capacity: 6, depot: 0)
        var overloaded = SupportGraph(nodes: 5)
        for (i, j) in [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)] { overloaded.add(1, between: i, and: j) }
        let found = separation.violatedSets(in: overloaded, tolerance: 1e-3, integral: true)
        #expect(found.count == 1)
        #expect(found.first?.set == [1, 2, 3, 4] && found.first?.vehicles == 2)

        var feasible = SupportGraph(nodes: 5)
        for (i, j) in [(0, 1), (1, 2), (2, 0), (0, 3), (3, 4), (4, 0)] { feasible.add(1, between: i, and: j) }
        #expect(separation.violatedSets(in: feasible, tolerance: 1e-3, integral: true).isEmpty)
        #expect(separation.vehiclesNeeded([1, 2, 3]) == 2)
    }

    /// A customer cycle away from the depot is cut (crossing 0 < 2) on integral values, and a fractional
    /// solution where {1, 2, 3} (demand 9 > 6) is entered with weight 2 is found by the heuristics.
    @Test func findsDetachedCycleAndFractionalViolation() {
        let separation = CapacitySeparation(demands: [0, 3, 3, 3, 3], capacity: 6, depot: 0)
        var detached = SupportGraph(nodes: 5)
        for (i, j) in [(1, 2), (2, 3), (3, 1)] { detached.add(1, between: i, and: j) }
        detached.add(2, between: 0, and: 4)
        #expect(separation.violatedSets(in: detached, tolerance: 1e-3, integral: true).map(\.set) == [[1, 2, 3]])

        var fractional = SupportGraph(nodes: 5)
        fractional.add(1, between: 0, and: 1)
        fractional.add(1, between: 3, and: 0)
        for (i, j) in [(1, 2), (2, 3)] { fractional.add(1, between: i, and: j) }
        fractional.add(2, between: 0, and: 4)
        let found = separation.violatedSets(in: fractional, tolerance: 1e-3, integral: false)
        #expect(found.contains { $0.set == [1, 2, 3] && $0.vehicles == 2 })
    }
}
