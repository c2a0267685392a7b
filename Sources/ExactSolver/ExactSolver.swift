import Heuristics
import RoutingCore

/// `solve --method exact`: branch and cut on GLPK with the formulations of `FORMULATIONS.md`
/// (``TSPFormulation``, ``ATSPFormulation``, ``CVRPFormulation``, ``ACVRPFormulation``).
///
/// The heuristic solver first runs for a small share of the time limit; its solution is the first
/// incumbent and its cost the cutoff. The status is `optimal` only when the search finished (the bound
/// then equals the cost); a run stopped by the time limit returns the best solution found with status
/// `timeLimit` and the proven lower bound. GLPK failures become ``SolverError``s, never a crash.
public struct ExactSolver: Solver {
    /// Largest dimension accepted (the models have `n(n−1)` columns at most).
    public static let maximumDimension = 1_000
    /// Share of the time limit given to the heuristic warm start.
    public var warmStartShare: Double
    /// Whether to run the heuristic warm start at all (tests switch it off to exercise the search).
    public var warmStart: Bool

    public init(warmStartShare: Double = 0.05, warmStart: Bool = true) {
        self.warmStartShare = warmStartShare
        self.warmStart = warmStart
    }

    public var name: String { "exact" }

    public func supports(_ kind: ProblemKind) -> Bool { true }

    /// Whether `--method auto` should use the exact solver: instances it usually proves within seconds
    /// (TSP and ATSP up to 100 nodes, CVRP and ACVRP up to 30 customers).
    public static func provesQuickly(_ instance: Instance) -> Bool {
        instance.kind.isVehicleRouting ? instance.customers.count <= 30 : instance.dimension <= 100
    }

    public func solve(_ instance: Instance, limits: SolveLimits) throws -> SolveResult {
        let clock = Deadline(seconds: limits.timeLimit)
        guard instance.dimension <= Self.maximumDimension else {
            throw SolverError.noSolution(solver: name, reason: "\(instance.dimension) nodes is more than the exact solver's "
                                         + "limit of \(Self.maximumDimension); use --method heuristic")
        }
        if let trivial = TrivialInstances.solve(instance) {
            return SolveResult(solution: trivial.solution, cost: trivial.cost, status: .optimal, lowerBound: trivial.cost,
                               method: name, seconds: clock.elapsed)
        }
        let start = warmStart ? self.start(instance, limits: limits) : nil
        let formulation = Self.formulation(for: instance)
        let deadline = Deadline(seconds: max(0.01, limits.timeLimit - clock.elapsed))
        let search = BranchAndCut(formulation: formulation, incumbent: start.flatMap { formulation.columnValues(of: $0.solution) },
                                  deadline: deadline, verbose: limits.verbose)
        let outcome: BranchAndCut.Outcome
        do {
            outcome = try search.run()
        } catch {
            throw SolverError.noSolution(solver: name, reason: "\(error)")
        }
        var best = start.map { ($0.solution, $0.cost) }
        var proven = outcome.proven, lowerBound = outcome.bound
        if let values = outcome.values {
            if let solution = formulation.solution(from: values), let cost = try? Evaluator.evaluate(solution, in: instance) {
                if cost < best?.1 ?? .max { best = (solution, cost) }
            } else {
                // GLPK accepted values the model cannot read back: never claim a proof on that basis.
                proven = false
                lowerBound = BranchAndCut.roundedUp(outcome.rootBound)
                if limits.verbose { warn("exact: GLPK's solution is not a valid \(instance.kind) solution; keeping the warm start") }
            }
        }
        guard let (solution, cost) = best else {
            let reason = outcome.infeasible ? "the instance has no feasible solution (proven by the LP relaxation and search)"
                : "no feasible solution within the time limit"
            throw SolverError.noSolution(solver: name, reason: reason)
        }
        let bound = proven ? cost : min(cost, Cost(lowerBound.isFinite ? lowerBound : 0))
        let statistics: [String: Double] = [
            "root_bound": outcome.rootBound, "root_rounds": Double(outcome.rootRounds), "cuts": Double(outcome.cuts),
            "nodes": Double(outcome.nodes), "fixed_columns": Double(outcome.fixedColumns),
            "warm_start_cost": start.map { Double($0.cost) } ?? -1,
        ]
        return SolveResult(solution: solution, cost: cost, status: proven ? .optimal : .timeLimit,
                           lowerBound: max(0, bound), method: name, seconds: clock.elapsed, statistics: statistics)
    }

    /// The formulation for the instance's kind.
    static func formulation(for instance: Instance) -> any Formulation {
        switch instance.kind {
        case .tsp: return TSPFormulation(instance: instance)
        case .atsp: return ATSPFormulation(instance: instance)
        case .cvrp: return CVRPFormulation(instance: instance)
        case .acvrp: return ACVRPFormulation(instance: instance)
        }
    }

    /// The heuristic's solution within `warmStartShare` of the time limit (and a size-scaled iteration
    /// budget, so small instances do not wait for the clock), or `nil` if it found none.
    private func start(_ instance: Instance, limits: SolveLimits) -> (solution: Solution, cost: Cost)? {
        let n = instance.dimension
        let iterations = instance.kind.isVehicleRouting ? 200 * n : 20 * n
        let budget = SolveLimits(timeLimit: max(0.05, warmStartShare * limits.timeLimit), seed: limits.seed,
                                 iterationLimit: iterations, threads: limits.threads, verbose: false)
        guard let result = try? HeuristicSolver().solve(instance, limits: budget),
              let cost = try? Evaluator.evaluate(result.solution, in: instance) else { return nil }
        if limits.verbose { warn("exact: warm start cost \(cost) in \(result.seconds) s") }
        return (result.solution, cost)
    }
}
