import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct TourHeuristicSolverTests {
    private let quick = SolveLimits(timeLimit: 30, seed: 7, iterationLimit: 300, threads: 2)

    /// On many seeded tiny TSP and ATSP instances (enumerated up to eight nodes, searched at nine)
    /// the solver finds the brute-force optimum and never reports less; the status stays `.feasible`.
    @Test func matchesBruteForceOnTinyInstances() throws {
        for n in 2...9 {
            for seed in 1...6 as ClosedRange<UInt64> {
                for instance in [RandomInstances.euclideanTSP(n, seed: seed), RandomInstances.randomATSP(n, seed: seed)] {
                    let result = try TourHeuristicSolver().solve(instance, limits: quick)
                    #expect(result.cost == BruteForce.optimalTourCost(instance), "\(instance.name)")
                    #expect(result.cost == (try Evaluator.evaluate(result.solution, in: instance)))
                    #expect(result.status == .feasible)
                    #expect(result.method == "heuristic")
                }
            }
        }
    }

    /// The same seed and iteration limit give the same tour; statistics report the iterations.
    @Test func deterministicForSeedAndIterationLimit() throws {
        for instance in [RandomInstances.euclideanTSP(120, seed: 5), RandomInstances.randomATSP(80, seed: 5)] {
            let limits = SolveLimits(timeLimit: 60, seed: 42, iterationLimit: 400, threads: 2)
            let first = try TourHeuristicSolver().solve(instance, limits: limits)
            let second = try TourHeuristicSolver().solve(instance, limits: limits)
            #expect(first.solution == second.solution)
            #expect(first.statistics["iterations"] == 400)
            #expect((first.statistics["improvements"] ?? -1) >= 0)
        }
    }

    /// The improvement loop beats the plain construction on a mid-sized instance.
    @Test func improvesOnConstruction() throws {
        let instance = RandomInstances.euclideanTSP(200, seed: 8)
        let result = try TourHeuristicSolver().solve(instance, limits: SolveLimits(timeLimit: 60, seed: 1, iterationLimit: 200, threads: 1))
        let greedy = Evaluator.tourCost(GreedyEdgeConstruction().tour(for: instance.distances), distances: instance.distances)
        #expect(result.cost < greedy)
        #expect(result.statistics["construction_cost"] == Double(greedy))
    }

    /// A zero time limit still returns a valid tour (the local optimum of the construction).
    @Test func returnsValidTourWithoutTime() throws {
        let instance = RandomInstances.randomATSP(50, seed: 2)
        let result = try TourHeuristicSolver().solve(instance, limits: SolveLimits(timeLimit: 0, seed: 1))
        #expect(result.cost == (try Evaluator.evaluate(result.solution, in: instance)))
        #expect(result.statistics["iterations"] == 0)
    }

    /// Vehicle-routing instances are refused with `unsupported`.
    @Test func refusesCVRP() {
        let instance = RandomInstances.cvrp(customers: 5, capacity: 20, seed: 1)
        #expect(!TourHeuristicSolver().supports(.cvrp))
        #expect(throws: SolverError.self) { try TourHeuristicSolver().solve(instance, limits: quick) }
    }
}
