/// A constraint `lower ≤ Σ coefficients[k] · x[columns[k]] ≤ upper` over a model's columns (0-based),
/// with a name for GLPK's row list (`deg_5`, `sec_12`).
///
/// Building a row merges repeated columns and drops zero coefficients, so GLPK never sees a duplicate
/// index (which it would answer with an abort).
struct LinearRow: Sendable, Equatable {
    var name: String
    private(set) var columns: [Int]
    private(set) var coefficients: [Double]
    /// Lower bound, `nil` for none.
    var lower: Double?
    /// Upper bound, `nil` for none.
    var upper: Double?

    init(name: String, terms: [(column: Int, coefficient: Double)], lower: Double? = nil, upper: Double? = nil) {
        var merged: [Int: Double] = [:]
        for term in terms { merged[term.column, default: 0] += term.coefficient }
        let kept = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        self.name = name
        self.columns = kept.map(\.key)
        self.coefficients = kept.map(\.value)
        self.lower = lower
        self.upper = upper
    }

    /// `Σ x[columns] ≥ lower` with unit coefficients.
    static func atLeast(_ name: String, columns: [Int], _ lower: Double) -> LinearRow {
        LinearRow(name: name, terms: columns.map { ($0, 1) }, lower: lower)
    }

    /// `Σ x[columns] ≤ upper` with unit coefficients.
    static func atMost(_ name: String, columns: [Int], _ upper: Double) -> LinearRow {
        LinearRow(name: name, terms: columns.map { ($0, 1) }, upper: upper)
    }

    /// `Σ x[columns] = value` with unit coefficients.
    static func equal(_ name: String, columns: [Int], _ value: Double) -> LinearRow {
        LinearRow(name: name, terms: columns.map { ($0, 1) }, lower: value, upper: value)
    }

    /// The row's activity at `values`.
    func activity(at values: [Double]) -> Double {
        zip(columns, coefficients).reduce(0) { $0 + $1.1 * values[$1.0] }
    }

    /// How far `values` lies outside the bounds (0 when satisfied).
    func violation(at values: [Double]) -> Double {
        let value = activity(at: values)
        return max(0, (lower ?? value) - value, value - (upper ?? value))
    }
}

/// A model column: an integer variable `0 ≤ x ≤ upper` with an objective cost.
struct ModelColumn: Sendable, Equatable {
    var name: String
    var cost: Double
    var upper: Double
}
