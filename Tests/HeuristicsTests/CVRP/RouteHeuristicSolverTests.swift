import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct RouteHeuristicSolverTests {
    private static let quick = SolveLimits(timeLimit: 20, seed: 5, iterationLimit: 400, threads: 2)

    /// Tiny seeded instances (symmetric, asymmetric, tight and slack fleets, up to 7 customers).
    private static func tinyInstances() -> [Instance] {
        (0..<24).map { index in
            CVRPFixtures.instance(customers: 4 + index % 4, capacity: 10 + index % 7 * 3, seed: UInt64(500 + index),
                                  asymmetric: index % 2 == 1, extraVehicles: index % 3 == 0 ? nil : index % 3 - 1)
        }
    }

    /// On many tiny instances the solver finds exactly the brute-force optimum, never less,
    /// with a valid solution and status `feasible`; where no packing fits the fleet it throws.
    @Test func matchesBruteForce() throws {
        let solver = RouteHeuristicSolver()
        for instance in Self.tinyInstances() {
            let optimum = BruteForce.optimalCVRPCost(instance)
            if optimum == .max {  // the capacity bound allows the fleet, but no packing fits it
                #expect(throws: SolverError.self) { try solver.solve(instance, limits: Self.quick) }
                continue
            }
            let result = try solver.solve(instance, limits: Self.quick)
            #expect(result.cost == optimum, "\(instance.name) limit \(String(describing: instance.vehicleLimit))")
            #expect(try Evaluator.evaluate(result.solution, in: instance) == result.cost)
            #expect(result.status == .feasible)
        }
    }

    /// The same seed and iteration limit give the same solution, on symmetric and asymmetric input.
    @Test(arguments: [false, true]) func deterministicWithSeedAndIterationLimit(asymmetric: Bool) throws {
        let instance = CVRPFixtures.instance(customers: 30, capacity: 40, seed: 9, asymmetric: asymmetric)
        let limits = SolveLimits(timeLimit: 60, seed: 11, iterationLimit: 300, threads: 2)
        let first = try RouteHeuristicSolver().solve(instance, limits: limits)
        let second = try RouteHeuristicSolver().solve(instance, limits: limits)
        #expect(first.solution == second.solution)
        #expect(first.statistics["iterations"] == 600)
    }

    /// A tight fleet (exactly the capacity bound's number of vehicles) is respected on a larger instance.
    @Test func respectsTightFleet() throws {
        let instance = CVRPFixtures.instance(customers: 25, capacity: 30, seed: 4, asymmetric: true, extraVehicles: 0)
        let result = try RouteHeuristicSolver().solve(instance, limits: Self.quick)
        #expect(result.solution.routes!.count <= instance.vehicleLimit!)
        #expect(try Evaluator.evaluate(result.solution, in: instance) == result.cost)
    }

    /// TSP instances are refused with `unsupported`; an instance without customers gives empty routes.
    @Test func supportsOnlyVehicleRouting() throws {
        let tsp = RandomInstances.euclideanTSP(5, seed: 1)
        #expect(!RouteHeuristicSolver().supports(.tsp))
        #expect(throws: SolverError.self) { try RouteHeuristicSolver().solve(tsp, limits: Self.quick) }
        let depotOnly = try Instance(name: "depot", kind: .cvrp, distances: DistanceMatrix(count: 1, rowMajor: [0]),
                                     demands: [0], capacity: 1)
        #expect(try RouteHeuristicSolver().solve(depotOnly, limits: Self.quick).cost == 0)
    }
}
