import CGLPK
import GLPKGuard
import Testing
@testable import ExactSolver

struct GLPKProblemTests {
    /// A tiny MILP end to end: min x + 2y with x + y ≥ 1.5 over integers in [0, 1] has its LP optimum at
    /// x = 1, y = 0.5 (cost 2), and the rows and columns keep their names.
    @Test func solvesRelaxationOfSmallModel() throws {
        let problem = GLPKProblem(name: "tiny", verbose: false)
        try problem.addColumns([ModelColumn(name: "x", cost: 1, upper: 1), ModelColumn(name: "y", cost: 2, upper: 1)])
        try problem.addRows([LinearRow(name: "cover", terms: [(0, 1), (1, 1)], lower: 1.5)])
        #expect(try problem.solveRelaxation(timeLimit: 10, verbose: false) == .optimal)
        #expect(abs(problem.relaxationObjective - 2) < 1e-9)
        #expect(problem.relaxationValues().map { ($0 * 10).rounded() / 10 } == [1, 0.5])
        #expect(String(cString: glp_get_row_name(problem.pointer, 1)) == "cover")
        #expect(String(cString: glp_get_col_name(problem.pointer, 2)) == "y")
    }

    /// An infeasible relaxation is reported as `false`, not as an error.
    @Test func reportsInfeasibleRelaxation() throws {
        let problem = GLPKProblem(name: "infeasible", verbose: false)
        try problem.addColumns([ModelColumn(name: "x", cost: 1, upper: 1)])
        try problem.addRows([LinearRow.atLeast("too_much", columns: [0], 2)])
        #expect(try problem.solveRelaxation(timeLimit: 10, verbose: false) == .infeasible)
    }

    /// Bad rows and columns are rejected in Swift before GLPK sees them (GLPK would abort).
    @Test func rejectsInvalidModelsBeforeGLPK() throws {
        let problem = GLPKProblem(name: "checks", verbose: false)
        #expect(throws: GLPKError.self) { try problem.addColumns([ModelColumn(name: "nan", cost: .nan, upper: 1)]) }
        try problem.addColumns([ModelColumn(name: "x", cost: 1, upper: 1)])
        #expect(throws: GLPKError.self) { try problem.addRows([LinearRow.atMost("outside", columns: [3], 1)]) }
        #expect(throws: GLPKError.self) { try problem.addRows([LinearRow(name: "crossed", terms: [(0, 1)], lower: 2, upper: 1)]) }
        #expect(throws: GLPKError.self) { try problem.deleteRows([7]) }
        #expect(problem.rowCount == 0)
    }

    /// A GLPK misuse under the guard becomes an error code with GLPK's message instead of `abort()`; the
    /// thread's environment is freed, the problem is marked released and refuses further use.
    @Test func guardTurnsGLPKAbortIntoError() throws {
        let problem = GLPKProblem(name: "misuse", verbose: false)
        try problem.addColumns([ModelColumn(name: "x", cost: 1, upper: 1)])
        let before = glpk_guard_generation()
        var target: OpaquePointer? = problem.pointer
        let code = withUnsafeMutablePointer(to: &target) { pointer in
            glpk_guard_run({ context in
                let problem = context!.assumingMemoryBound(to: OpaquePointer?.self).pointee
                glp_set_obj_coef(problem, 99, 1)  // column 99 does not exist
            }, pointer)
        }
        #expect(code == GLPK_GUARD_FAILED)
        #expect(String(cString: glpk_guard_last_output()).contains("out of range"))
        #expect(glpk_guard_generation() == before + 1)
        #expect(!problem.isAlive)
        #expect(throws: GLPKError.released) { try problem.addColumns([ModelColumn(name: "y", cost: 1, upper: 1)]) }
        // A fresh problem on the same thread works again.
        let fresh = GLPKProblem(name: "after", verbose: false)
        try fresh.addColumns([ModelColumn(name: "x", cost: 1, upper: 1)])
        #expect(try fresh.solveRelaxation(timeLimit: 10, verbose: false) == .optimal)
    }

    /// The error message names the GLPK routine and quotes GLPK's last lines.
    @Test func errorDescriptions() {
        let aborted = GLPKError.aborted(operation: "glp_intopt", output: "glp_set_obj_coef: j = 99; column number out of range\nError detected in file api/prob1.c at line 1\n")
        #expect(aborted.description.hasPrefix("GLPK error in glp_intopt: glp_set_obj_coef: j = 99; column number out of range"))
        #expect(GLPKError.failed(operation: "glp_simplex", code: 2).description.contains("GLP_ESING"))
    }
}
