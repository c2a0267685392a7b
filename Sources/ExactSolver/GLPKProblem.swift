import CGLPK
import GLPKGuard
import RoutingCore

/// A GLPK minimisation problem with named columns and rows, numbered from 0 on the Swift side.
///
/// Every argument is checked before GLPK sees it; the calls that can still fail inside GLPK (simplex,
/// branch and cut) run under ``GLPKGuard``, which turns GLPK's abort into ``GLPKError/aborted``. After
/// such an error GLPK has freed every problem object of the thread, so this one is marked released.
/// A problem object must stay on the thread that created it (GLPK keeps one environment per thread).
final class GLPKProblem {
    /// `glp_prob *`.
    let pointer: OpaquePointer
    /// The guard's failure count when the problem was created; a change means GLPK freed it.
    private let generation: UInt
    /// Number of columns.
    private(set) var columnCount = 0

    /// Creates an empty problem; `verbose` lets GLPK print its progress on stderr.
    init(name: String, verbose: Bool) {
        glpk_guard_set_echo(verbose ? 1 : 0)
        generation = glpk_guard_generation()
        pointer = glp_create_prob()
        glp_set_prob_name(pointer, String(name.prefix(255)))
        glp_set_obj_dir(pointer, GLP_MIN)
    }

    deinit {
        if isAlive { glp_delete_prob(pointer) }
    }

    /// `false` once a GLPK error freed the thread's environment (and this problem with it).
    var isAlive: Bool { glpk_guard_generation() == generation }

    /// Number of rows.
    var rowCount: Int { Int(glp_get_num_rows(pointer)) }

    // MARK: - Building

    /// Appends integer columns.
    /// - Throws: ``GLPKError/invalidModel(_:)`` for a non-finite cost or a negative or non-finite bound.
    func addColumns(_ columns: [ModelColumn]) throws(GLPKError) {
        try checkAlive()
        guard !columns.isEmpty else { return }
        for column in columns {
            guard column.cost.isFinite else { throw .invalidModel("column \(column.name) has cost \(column.cost)") }
            guard column.upper.isFinite, column.upper >= 0 else {
                throw .invalidModel("column \(column.name) has upper bound \(column.upper)")
            }
        }
        let first = glp_add_cols(pointer, Int32(columns.count))
        for (offset, column) in columns.enumerated() {
            let j = first + Int32(offset)
            glp_set_col_name(pointer, j, String(column.name.prefix(255)))
            glp_set_col_kind(pointer, j, column.upper == 1 ? GLP_BV : GLP_IV)
            glp_set_col_bnds(pointer, j, column.upper == 0 ? GLP_FX : GLP_DB, 0, column.upper)
            glp_set_obj_coef(pointer, j, column.cost)
        }
        columnCount += columns.count
    }

    /// Appends rows; returns their 0-based numbers.
    /// - Throws: ``GLPKError/invalidModel(_:)`` for a column out of range, a non-finite number, or a
    ///   lower bound above the upper bound.
    @discardableResult
    func addRows(_ rows: [LinearRow]) throws(GLPKError) -> Range<Int> {
        try checkAlive()
        let start = rowCount
        guard !rows.isEmpty else { return start..<start }
        for row in rows { try check(row) }
        let first = glp_add_rows(pointer, Int32(rows.count))
        for (offset, row) in rows.enumerated() {
            let i = first + Int32(offset)
            glp_set_row_name(pointer, i, String(row.name.prefix(255)))
            switch (row.lower, row.upper) {
            case let (lower?, upper?): glp_set_row_bnds(pointer, i, lower == upper ? GLP_FX : GLP_DB, lower, upper)
            case let (lower?, nil): glp_set_row_bnds(pointer, i, GLP_LO, lower, 0)
            case let (nil, upper?): glp_set_row_bnds(pointer, i, GLP_UP, 0, upper)
            case (nil, nil): glp_set_row_bnds(pointer, i, GLP_FR, 0, 0)
            }
            // GLPK arrays are 1-based: element 0 is ignored.
            let indices = [Int32(0)] + row.columns.map { Int32($0 + 1) }
            let values = [0.0] + row.coefficients
            glp_set_mat_row(pointer, i, Int32(row.columns.count), indices, values)
        }
        return start..<(start + rows.count)
    }

    /// Deletes rows by 0-based number.
    func deleteRows(_ rows: [Int]) throws(GLPKError) {
        try checkAlive()
        let count = rowCount
        let unique = Array(Set(rows)).sorted()
        guard !unique.isEmpty else { return }
        guard unique.first! >= 0, unique.last! < count else { throw .invalidModel("row number out of range") }
        let numbers = [Int32(0)] + unique.map { Int32($0 + 1) }
        glp_del_rows(pointer, Int32(unique.count), numbers)
    }

    /// Fixes column `column` at `value` (reduced-cost fixing); no-op for an out-of-range column.
    func fixColumn(_ column: Int, at value: Double) {
        guard isAlive, column >= 0, column < columnCount, value.isFinite else { return }
        glp_set_col_bnds(pointer, Int32(column + 1), GLP_FX, value, value)
    }

    /// The column's bounds.
    func bounds(ofColumn column: Int) -> (lower: Double, upper: Double) {
        (glp_get_col_lb(pointer, Int32(column + 1)), glp_get_col_ub(pointer, Int32(column + 1)))
    }

    private func check(_ row: LinearRow) throws(GLPKError) {
        guard row.columns.allSatisfy({ $0 >= 0 && $0 < columnCount }) else {
            throw .invalidModel("row \(row.name) names a column outside 0..<\(columnCount)")
        }
        guard row.coefficients.allSatisfy(\.isFinite), row.lower?.isFinite ?? true, row.upper?.isFinite ?? true else {
            throw .invalidModel("row \(row.name) has a non-finite number")
        }
        if let lower = row.lower, let upper = row.upper, lower > upper {
            throw .invalidModel("row \(row.name) has lower bound \(lower) above upper bound \(upper)")
        }
    }

    func checkAlive() throws(GLPKError) {
        guard isAlive else { throw .released }
    }

    // MARK: - Solving the LP relaxation

    /// How an LP solve ended.
    enum RelaxationStatus: Equatable {
        case optimal, infeasible, timeLimit
    }

    /// Solves the LP relaxation with the (dual) simplex method, warm-started from the current basis.
    /// - Throws: ``GLPKError`` on a GLPK error or a failure code other than the time limit.
    func solveRelaxation(timeLimit seconds: Double, verbose: Bool) throws(GLPKError) -> RelaxationStatus {
        try checkAlive()
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.meth = GLP_DUALP
        parameters.presolve = GLP_OFF
        parameters.tm_lim = Int32(clamping: Int((max(0.001, seconds) * 1000).rounded(.up)))
        glpk_guard_clear_output()
        let code = glpk_guard_simplex(pointer, &parameters)
        if code == GLPK_GUARD_FAILED {
            throw .aborted(operation: "glp_simplex", output: String(cString: glpk_guard_last_output()))
        }
        if code == GLP_ETMLIM { return .timeLimit }
        guard code == 0 else { throw .failed(operation: "glp_simplex", code: code) }
        switch glp_get_status(pointer) {
        case GLP_OPT: return .optimal
        case GLP_NOFEAS: return .infeasible
        default: throw .failed(operation: "glp_simplex", code: glp_get_status(pointer))
        }
    }

    /// The objective value of the current basic solution.
    var relaxationObjective: Double { glp_get_obj_val(pointer) }

    /// Primal values of every column in the current basic solution.
    func relaxationValues() -> [Double] {
        (0..<columnCount).map { glp_get_col_prim(pointer, Int32($0 + 1)) }
    }

    /// Reduced costs of every column in the current basic solution.
    func reducedCosts() -> [Double] {
        (0..<columnCount).map { glp_get_col_dual(pointer, Int32($0 + 1)) }
    }

    /// Rows (0-based, at or after `first`) that are basic with their activity strictly inside the
    /// bounds: slack cuts that can be dropped without changing the relaxation's optimum.
    func slackRows(from first: Int) -> [Int] {
        guard isAlive else { return [] }
        return (first..<rowCount).filter { row in
            let i = Int32(row + 1)
            guard glp_get_row_stat(pointer, i) == GLP_BS else { return false }
            let activity = glp_get_row_prim(pointer, i)
            let lower = glp_get_row_lb(pointer, i), upper = glp_get_row_ub(pointer, i)
            switch glp_get_row_type(pointer, i) {
            case GLP_UP: return activity < upper - 1e-6
            case GLP_LO: return activity > lower + 1e-6
            default: return false
            }
        }
    }
}
