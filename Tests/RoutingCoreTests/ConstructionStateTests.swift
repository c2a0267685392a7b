import Testing
import RoutingCore
import RoutingTestSupport

@Suite struct ConstructionStateTests {
    /// Random walks through the CVRP state never take a disallowed action, always finish, and the
    /// finished solution passes the evaluator (a seeded sweep over many instances and walks).
    @Test(arguments: 1...40)
    func randomWalksStayFeasible(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        let instance = RandomInstances.cvrp(customers: 3 + seed % 9, capacity: 10 + seed % 15, seed: UInt64(seed))
        var state = ConstructionState(instance: instance)
        var steps = 0
        while !state.isTerminal {
            let allowed = state.allowedActions(demands: instance.demands)
            let choices = allowed.indices.filter { allowed[$0] }
            #expect(!choices.isEmpty)
            for node in choices {
                if node != instance.depot { #expect(instance.demands[node] <= state.remainingCapacity) }
            }
            state = state.applying(choices.randomElement(using: &rng)!, demands: instance.demands)
            steps += 1
            #expect(steps < 100)
        }
        let solution = try #require(state.solution)
        _ = try Evaluator.evaluate(solution, in: instance)
    }

    /// TSP states never allow a visited node.
    @Test func tspMasksVisited() throws {
        let instance = RandomInstances.euclideanTSP(6, seed: 4)
        var state = ConstructionState(instance: instance)
        for node in [3, 1, 5] { state = state.applying(node, demands: instance.demands) }
        #expect(state.allowedActions(demands: instance.demands) == [true, false, true, false, true, false])
        for node in [0, 2, 4] { state = state.applying(node, demands: instance.demands) }
        #expect(state.isTerminal)
        #expect(state.solution == .tour([3, 1, 5, 0, 2, 4]))
    }

    /// Brute force agrees with a hand-computed optimum on a line of points.
    @Test func bruteForceOnLine() throws {
        let matrix = try DistanceMatrix(count: 4) { i, j in abs(i - j) * 10 }
        let instance = try Instance(name: "line", kind: .tsp, distances: matrix)
        #expect(BruteForce.optimalTourCost(instance) == 60)
    }
}
