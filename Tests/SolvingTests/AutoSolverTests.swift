import RoutingCore
import RoutingTestSupport
import Solving
import Testing

/// `--method auto`: the exact solver where it proves quickly, the heuristic elsewhere and after an unproven run.
@Suite struct AutoSolverTests {
    @Test("a small instance is proven optimal by the exact solver")
    func smallInstancesAreProven() throws {
        let instance = RandomInstances.euclideanTSP(12, seed: 3)
        let result = try AutoSolver().solve(instance, limits: SolveLimits(timeLimit: 30, seed: 1))
        #expect(result.status == .optimal && result.method == "exact")
        #expect(result.lowerBound == result.cost)
        #expect(try Evaluator.evaluate(result.solution, in: instance) == result.cost)
    }

    @Test("beyond the exact solver's quick range the heuristic alone runs")
    func largeInstancesUseTheHeuristic() throws {
        let instance = RandomInstances.euclideanTSP(120, seed: 4)
        let result = try AutoSolver().solve(instance, limits: SolveLimits(timeLimit: 0.5, seed: 1, iterationLimit: 2_000))
        #expect(result.method == "heuristic")
        _ = try Evaluator.evaluate(result.solution, in: instance)
    }

    @Test("an unproven exact run keeps a valid bound, and the answer is feasible and never below it")
    func unprovenRunsKeepTheBound() throws {
        let instance = RandomInstances.cvrp(customers: 30, capacity: 40, seed: 7)
        let result = try AutoSolver().solve(instance, limits: SolveLimits(timeLimit: 1, seed: 1, threads: 1))
        let cost = try Evaluator.evaluate(result.solution, in: instance)
        #expect(cost == result.cost)
        let bound = try #require(result.lowerBound)
        #expect(bound >= 0 && bound <= cost)
        #expect(result.status == .optimal ? bound == cost : result.status == .timeLimit)
    }
}
