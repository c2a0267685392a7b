import CGLPK
import GLPKGuard
import RoutingCore

/// Branch and cut for one ``Formulation`` on GLPK.
///
/// 1. Root: solve the LP relaxation with the dual simplex, add the violated cuts the formulation
///    separates, repeat until none is found (or the deadline); then drop cuts that became slack.
/// 2. Reduced-cost fixing: with the incumbent's cost `U` and integer costs, a column whose reduced cost
///    lifts the root bound above `U − 1` cannot be in a better solution and is fixed at its bound.
/// 3. `glp_intopt` (presolve and GLPK's primal heuristics off, so no incumbent can skip the callback)
///    with a callback that separates cuts at every node (`GLP_IROWGEN`: on integral LP solutions always,
///    on fractional ones for a few rounds per node), hands GLPK the incumbent (`GLP_IHEUR`), and tracks
///    the best bound of the open nodes, which is what a time-limited run reports.
///
/// The incumbent's cost acts as a cutoff: GLPK's relative objective tolerance is set so that a node
/// whose bound exceeds `U − 1` is pruned, which is exact for integer costs.
final class BranchAndCut {
    /// How a run ended.
    struct Outcome {
        /// The best column values found, `nil` when nothing beat the incumbent given at the start.
        var values: [Double]?
        /// Proven lower bound on the optimum (rounded up: costs are integers).
        var bound: Double
        /// `true` when the search finished: the best solution (found or given) is optimal.
        var proven: Bool
        /// `true` when the model has no feasible solution at all (and no incumbent was given).
        var infeasible = false
        /// Counters for statistics.
        var rootBound = 0.0, rootRounds = 0, cuts = 0, nodes = 0, fixedColumns = 0
    }

    let formulation: any Formulation
    let problem: GLPKProblem
    let deadline: Deadline
    let verbose: Bool
    /// Violation below which a fractional LP solution's cut is ignored.
    var tolerance = 1e-3
    /// Separation rounds per branch-and-bound node on fractional LP solutions.
    var roundsPerNode = 8
    /// The root loop stops when this many rounds raised the bound by less than 10⁻⁵ (relative).
    var tailingRounds = 5

    private var incumbent: (values: [Double], cost: Double)?
    private var injected = false
    private var treeBound = -Double.infinity
    private var cuts = 0, nodes = 0, separationSeconds = 0.0
    private var lastNode: Int32 = -1, roundsAtNode = 0
    private var failure: GLPKError?

    /// - Parameter incumbent: a feasible solution's column values (the heuristic's), the cutoff.
    init(formulation: any Formulation, incumbent: [Double]?, deadline: Deadline, verbose: Bool) {
        self.formulation = formulation
        self.deadline = deadline
        self.verbose = verbose
        self.problem = GLPKProblem(name: formulation.instance.name, verbose: verbose)
        if let incumbent { self.incumbent = (incumbent, formulation.objective(of: incumbent)) }
    }

    /// Runs the three stages.
    /// - Throws: ``GLPKError`` when GLPK fails or rejects the model.
    func run() throws(GLPKError) -> Outcome {
        try problem.addColumns(formulation.columns)
        let firstCut = try problem.addRows(formulation.initialRows).upperBound
        var outcome = Outcome(values: nil, bound: -.infinity, proven: false)
        var history: [Double] = []
        // Stage 1: root cutting loop.
        while true {
            let status = try problem.solveRelaxation(timeLimit: deadline.remaining, verbose: verbose)
            if status == .timeLimit {
                outcome.bound = outcome.rootRounds > 0 ? Self.roundedUp(outcome.rootBound) : -.infinity
                return finish(outcome)
            }
            guard status == .optimal else {
                guard incumbent != nil else {
                    outcome.infeasible = true
                    outcome.proven = true
                    outcome.bound = .infinity
                    return outcome
                }
                // The root relaxation of a model with a feasible incumbent cannot be infeasible: this is numerical
                // trouble (or a wrong cut), never a proof. Keep the incumbent and the last bound.
                outcome.bound = outcome.rootRounds > 0 ? Self.roundedUp(outcome.rootBound) : -.infinity
                return finish(outcome)
            }
            outcome.rootRounds += 1
            let values = problem.relaxationValues()
            outcome.rootBound = problem.relaxationObjective
            if verbose { warn("exact: root round \(outcome.rootRounds): bound \(outcome.rootBound), \(cuts) cuts so far") }
            if let incumbent, cannotImprove(outcome.rootBound, on: incumbent.cost) {
                outcome.bound = incumbent.cost
                outcome.proven = true
                return finish(outcome)
            }
            let integral = Self.isIntegral(values)
            history.append(outcome.rootBound)
            let tailingOff = !integral && history.count > tailingRounds
                && outcome.rootBound - history[history.count - 1 - tailingRounds] < 1e-5 * abs(outcome.rootBound)
            let found = tailingOff ? [] : formulation.separate(values, integral: integral, tolerance: tolerance)
            if found.isEmpty {
                if integral {
                    outcome.values = values
                    outcome.bound = problem.relaxationObjective.rounded()
                    outcome.proven = true
                    return finish(outcome)
                }
                break
            }
            try problem.addRows(found)
            cuts += found.count
            if deadline.hasExpired {
                outcome.bound = Self.roundedUp(outcome.rootBound)
                return finish(outcome)
            }
        }
        if verbose { warn("exact: root done, branching (incumbent \(incumbent.map { "\($0.cost)" } ?? "none"))") }
        // Stage 2: drop slack cuts, fix columns by reduced cost.
        try problem.deleteRows(problem.slackRows(from: firstCut))
        outcome.bound = Self.roundedUp(outcome.rootBound)
        guard try problem.solveRelaxation(timeLimit: deadline.remaining, verbose: verbose) == .optimal else { return finish(outcome) }
        outcome.fixedColumns = fixByReducedCost()
        if outcome.fixedColumns > 0,
           try problem.solveRelaxation(timeLimit: deadline.remaining, verbose: verbose) != .optimal { return finish(outcome) }
        treeBound = outcome.rootBound
        // Stage 3: branch and cut.
        return try branch(outcome)
    }

    private func branch(_ start: Outcome) throws(GLPKError) -> Outcome {
        var outcome = start
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.presolve = GLP_OFF
        parameters.fp_heur = GLP_OFF
        parameters.ps_heur = GLP_OFF
        parameters.sr_heur = GLP_OFF
        parameters.br_tech = GLP_BR_PCH
        parameters.bt_tech = GLP_BT_BLB
        parameters.mip_gap = 0
        parameters.tol_int = Self.integralityTolerance
        parameters.tm_lim = Int32(clamping: Int((max(0.001, deadline.remaining) * 1000).rounded(.up)))
        if let incumbent {
            // Prune nodes with bound > U − 1 (integer costs): eps = tol_obj · (1 + |U|) just below 1.
            parameters.tol_obj = max(parameters.tol_obj, (1 - 1e-6) / (1 + abs(incumbent.cost)))
        }
        parameters.cb_func = { tree, info in
            guard let tree, let info else { return }
            Unmanaged<BranchAndCut>.fromOpaque(info).takeUnretainedValue().respond(to: tree)
        }
        let code = withExtendedLifetime(self) {
            parameters.cb_info = Unmanaged.passUnretained(self).toOpaque()
            glpk_guard_clear_output()
            return glpk_guard_intopt(problem.pointer, &parameters)
        }
        if let failure { throw failure }
        if code == GLPK_GUARD_FAILED {
            throw .aborted(operation: "glp_intopt", output: String(cString: glpk_guard_last_output()))
        }
        outcome.cuts = cuts
        outcome.nodes = nodes
        if verbose { warn("exact: branch and cut ended with code \(code): \(nodes) nodes, \(cuts) cuts, \(problem.rowCount) rows, \(separationSeconds) s separating") }
        let status = glp_mip_status(problem.pointer)
        let finished = code == 0
        guard finished || code == GLP_ETMLIM || code == GLP_ESTOP else {
            throw .failed(operation: "glp_intopt", code: code)
        }
        if status == GLP_OPT || status == GLP_FEAS {
            let values = (0..<problem.columnCount).map { glp_mip_col_val(problem.pointer, Int32($0 + 1)) }
            if incumbent == nil || formulation.objective(of: values) < incumbent!.cost - 0.5 { outcome.values = values }
        }
        if finished {
            outcome.proven = true
            outcome.infeasible = status == GLP_NOFEAS && incumbent == nil
            let best = outcome.values.map(formulation.objective) ?? incumbent?.cost ?? .infinity
            outcome.bound = best
        } else {
            outcome.bound = Self.roundedUp(max(treeBound, outcome.rootBound))
        }
        return outcome
    }

    /// The callback's work for one call from GLPK.
    private func respond(to tree: OpaquePointer) {
        var active: Int32 = 0, open: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &open, &total)
        nodes = Int(total)
        let best = glp_ios_best_node(tree)
        if best != 0 { treeBound = max(treeBound, glp_ios_node_bound(tree, best)) }
        if deadline.hasExpired || failure != nil {
            glp_ios_terminate(tree)
            return
        }
        switch glp_ios_reason(tree) {
        case GLP_IROWGEN:
            let values = problem.relaxationValues()
            let integral = Self.isIntegral(values)
            let node = glp_ios_curr_node(tree)
            if node != lastNode { lastNode = node; roundsAtNode = 0 }
            roundsAtNode += 1
            guard integral || roundsAtNode <= roundsPerNode else { return }
            let started = Deadline.now()
            let found = formulation.separate(values, integral: integral, tolerance: integral ? 0.5 : tolerance)
            separationSeconds += Double(Deadline.now() - started) / 1e9
            do {
                try problem.addRows(found)
                cuts += found.count
            } catch {
                failure = error
                glp_ios_terminate(tree)
            }
        case GLP_IHEUR:
            guard !injected, let incumbent else { return }
            injected = true
            let rejected = glp_ios_heur_sol(tree, [0] + incumbent.values)
            if verbose { warn("exact: incumbent \(incumbent.cost) handed to GLPK: \(rejected == 0 ? "accepted" : "rejected")") }
        default:
            break
        }
    }

    /// Fixes nonbasic columns whose reduced cost proves they cannot be in a solution better than the
    /// incumbent; returns how many.
    private func fixByReducedCost() -> Int {
        guard let incumbent else { return 0 }
        let bound = problem.relaxationObjective
        let values = problem.relaxationValues(), reduced = problem.reducedCosts()
        var fixed = 0
        for column in 0..<problem.columnCount {
            let (lower, upper) = problem.bounds(ofColumn: column)
            // Columns the incumbent uses stay free, so GLPK still accepts it as its first incumbent.
            guard lower < upper, incumbent.values[column] == 0 || incumbent.values[column] == upper else { continue }
            if values[column] <= lower + 1e-9, incumbent.values[column] == lower,
               cannotImprove(bound + reduced[column], on: incumbent.cost) {
                problem.fixColumn(column, at: lower)
                fixed += 1
            } else if values[column] >= upper - 1e-9, incumbent.values[column] == upper,
                      cannotImprove(bound - reduced[column], on: incumbent.cost) {
                problem.fixColumn(column, at: upper)
                fixed += 1
            }
        }
        return fixed
    }

    /// `true` when a relaxation value `bound` shows no integer-cost solution below `cost` exists.
    private func cannotImprove(_ bound: Double, on cost: Double) -> Bool {
        bound > cost - 1 + 1e-6
    }

    private func finish(_ outcome: Outcome) -> Outcome {
        var result = outcome
        result.cuts = cuts
        return result
    }

    /// GLPK's integrality tolerance (`tol_int`), used for the same test here: a solution GLPK would
    /// accept as integral is always separated as one.
    static let integralityTolerance = 1e-5

    static func isIntegral(_ values: [Double]) -> Bool {
        values.allSatisfy { abs($0 - $0.rounded()) <= integralityTolerance }
    }

    static func roundedUp(_ bound: Double) -> Double {
        (bound - 1e-6).rounded(.up)
    }
}
