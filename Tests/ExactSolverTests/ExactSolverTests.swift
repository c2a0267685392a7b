import Foundation
import RoutingCore
import RoutingIO
import RoutingTestSupport
import Testing
@testable import ExactSolver

struct ExactSolverTests {
    static let limits = SolveLimits(timeLimit: 60, seed: 1, threads: 1)

    /// Solves `instance`, checks the result with the ``Evaluator`` and returns it.
    static func solved(_ instance: Instance, warmStart: Bool = false, limits: SolveLimits = limits) throws -> SolveResult {
        let result = try ExactSolver(warmStart: warmStart).solve(instance, limits: limits)
        #expect(try Evaluator.evaluate(result.solution, in: instance) == result.cost)
        return result
    }

    /// Symmetric TSP on 4–8 random Euclidean points and ATSP with uniform random arc costs (many
    /// 2-cycles in the assignment relaxation), 40 seeds each, without the heuristic warm start so the
    /// branch and cut does all the work: the proven optimum equals brute force, bound included.
    @Test(arguments: [ProblemKind.tsp, .atsp]) func tourMatchesBruteForce(kind: ProblemKind) throws {
        for seed in UInt64(1)...40 {
            let n = 4 + Int(seed % 5)
            let instance = kind == .tsp ? RandomInstances.euclideanTSP(n, seed: seed) : RandomInstances.randomATSP(n, seed: seed)
            let result = try Self.solved(instance)
            #expect(result.status == .optimal)
            #expect(result.cost == BruteForce.optimalTourCost(instance), "seed \(seed)")
            #expect(result.lowerBound == result.cost)
        }
    }

    /// CVRP and asymmetric CVRP with 3–8 customers and tight capacities, unlimited fleet.
    @Test(arguments: [false, true]) func cvrpMatchesBruteForce(asymmetric: Bool) throws {
        for seed in UInt64(1)...24 {
            let customers = 3 + Int(seed % 6)
            let instance = RandomInstances.cvrp(customers: customers, capacity: 10 + Int(seed % 3) * 5, seed: seed,
                                                asymmetric: asymmetric)
            let result = try Self.solved(instance)
            #expect(result.status == .optimal)
            #expect(result.cost == BruteForce.optimalCVRPCost(instance), "seed \(seed), \(customers) customers")
        }
    }

    /// A vehicle limit is respected: the optimum with at most the minimum number of routes matches brute
    /// force under the same limit, and never uses more routes.
    @Test func cvrpWithVehicleLimitMatchesBruteForce() throws {
        for seed in UInt64(1)...12 {
            let open = RandomInstances.cvrp(customers: 6, capacity: 15, seed: seed, asymmetric: seed % 2 == 0)
            let instance = try open.withVehicleLimit(open.minimumRoutes)
            let result = try Self.solved(instance)
            #expect(result.cost == BruteForce.optimalCVRPCost(instance), "seed \(seed)")
            #expect((result.solution.routes?.filter { !$0.isEmpty }.count ?? 0) <= open.minimumRoutes)
        }
    }

    /// With the heuristic warm start (incumbent and cutoff), results are still exact.
    @Test func warmStartKeepsOptima() throws {
        for seed in UInt64(1)...6 {
            let tsp = RandomInstances.euclideanTSP(8, seed: seed)
            #expect(try Self.solved(tsp, warmStart: true).cost == BruteForce.optimalTourCost(tsp))
            let cvrp = RandomInstances.cvrp(customers: 7, capacity: 20, seed: seed)
            #expect(try Self.solved(cvrp, warmStart: true).cost == BruteForce.optimalCVRPCost(cvrp))
        }
    }

    /// Instances below the models' size are solved by enumeration.
    @Test func trivialInstances() throws {
        for n in 1...3 {
            let instance = RandomInstances.euclideanTSP(n, seed: 3)
            let result = try Self.solved(instance)
            #expect(result.status == .optimal && result.cost == BruteForce.optimalTourCost(instance))
        }
        let oneCustomer = RandomInstances.cvrp(customers: 1, capacity: 10, seed: 2)
        #expect(try Self.solved(oneCustomer).cost == BruteForce.optimalCVRPCost(oneCustomer))
    }

    /// The repository's small benchmark files are proven at their published optima (`instances/optima.csv`).
    @Test(arguments: ["burma14.tsp", "gr24.tsp", "bayg29.tsp", "br17.atsp", "ftv33.atsp", "E-n13-k4.vrp", "P-n16-k8.vrp"])
    func provesSharedOptima(file: String) throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("instances")
        let instance = try InstanceReader.read(contentsOf: directory.appendingPathComponent(file).path)
        let optima = try OptimaTable.load(contentsOf: directory.appendingPathComponent("optima.csv").path)
        let optimum = try #require(optima.entry(for: instance)?.bestKnown)
        let result = try Self.solved(instance, warmStart: true)
        #expect(result.status == .optimal)
        #expect(result.cost == optimum)
        #expect(result.lowerBound == optimum)
    }

    /// A run stopped by the time limit returns a feasible solution, status `timeLimit` and a lower bound
    /// no larger than its cost (60 random customers cannot be proven in seconds).
    @Test func timeLimitReturnsFeasibleSolutionAndBound() throws {
        let instance = RandomInstances.cvrp(customers: 60, capacity: 40, seed: 5)
        let result = try Self.solved(instance, warmStart: true,
                                     limits: SolveLimits(timeLimit: 3, seed: 1, threads: 1))
        #expect(result.status == .timeLimit)
        let bound = try #require(result.lowerBound)
        // On a loaded machine the first LP may not finish in time: the bound is then 0, still valid.
        #expect(bound >= 0 && bound <= result.cost)
    }

    /// Instances beyond the exact solver's size limit are refused with a message, not attempted.
    @Test func refusesHugeInstances() throws {
        let instance = RandomInstances.euclideanTSP(ExactSolver.maximumDimension + 1, seed: 1)
        #expect(throws: SolverError.self) { try ExactSolver().solve(instance, limits: Self.limits) }
    }
}
