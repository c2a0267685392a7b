import RoutingCore

/// One MILP model of a routing problem, as the branch and cut needs it: columns and initial rows, a
/// separation routine for the constraints left out (subtour, DFJ or capacity cuts), and the
/// translation between column values and ``Solution``s. See `FORMULATIONS.md`.
protocol Formulation {
    /// The instance being modelled.
    var instance: Instance { get }
    /// Every column (variable), in column order.
    var columns: [ModelColumn] { get }
    /// The rows present from the start (degree constraints, fleet bounds).
    var initialRows: [LinearRow] { get }
    /// Cuts that `values` violates by more than `tolerance`. With `integral` values the result is empty
    /// exactly when the values describe a feasible solution.
    func separate(_ values: [Double], integral: Bool, tolerance: Double) -> [LinearRow]
    /// The solution that integral column values describe, or `nil` when they describe none.
    func solution(from values: [Double]) -> Solution?
    /// The column values of a feasible solution, or `nil` when it does not fit the model.
    func columnValues(of solution: Solution) -> [Double]?
}

extension Formulation {
    /// The objective value of `values`.
    func objective(of values: [Double]) -> Double {
        zip(columns, values).reduce(0) { $0 + $1.0.cost * $1.1 }
    }
}
