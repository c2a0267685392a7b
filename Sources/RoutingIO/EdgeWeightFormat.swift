/// A TSPLIB95 `EDGE_WEIGHT_FORMAT`: the order in which an `EDGE_WEIGHT_SECTION` lists matrix entries.
///
/// The `_COL` formats list a triangle column by column, which for a symmetric matrix is the
/// transpose of the corresponding `_ROW` order: `UPPER_COL` reads like `LOWER_ROW`, `LOWER_COL` like
/// `UPPER_ROW`, `UPPER_DIAG_COL` like `LOWER_DIAG_ROW` and `LOWER_DIAG_COL` like `UPPER_DIAG_ROW`
/// (as the reference checker `routecheck.py` reads them).
enum EdgeWeightFormat: String, CaseIterable {
    /// Costs come from a coordinate rule, not from a section.
    case function = "FUNCTION"
    case fullMatrix = "FULL_MATRIX"
    case upperRow = "UPPER_ROW"
    case lowerRow = "LOWER_ROW"
    case upperDiagonalRow = "UPPER_DIAG_ROW"
    case lowerDiagonalRow = "LOWER_DIAG_ROW"
    case upperColumn = "UPPER_COL"
    case lowerColumn = "LOWER_COL"
    case upperDiagonalColumn = "UPPER_DIAG_COL"
    case lowerDiagonalColumn = "LOWER_DIAG_COL"

    /// How many numbers the section holds for `n` nodes (0 for `FUNCTION`).
    func entryCount(dimension n: Int) -> Int {
        switch self {
        case .function: return 0
        case .fullMatrix: return n * n
        case .upperRow, .lowerRow, .upperColumn, .lowerColumn: return n * (n - 1) / 2
        case .upperDiagonalRow, .lowerDiagonalRow, .upperDiagonalColumn, .lowerDiagonalColumn: return n * (n + 1) / 2
        }
    }

    /// `true` when the format lists one triangle, so each value fills both `(i, j)` and `(j, i)`.
    var isTriangular: Bool { self != .fullMatrix && self != .function }

    /// Calls `body(i, j)` for each listed entry, in the order the section lists them; the `k`-th call
    /// belongs to the section's `k`-th number. Stops early when `body` returns `false`.
    /// - Complexity: O(n²).
    func forEachEntry(dimension n: Int, _ body: (_ row: Int, _ column: Int) throws(FormatError) -> Bool) throws(FormatError) {
        switch self {
        case .function:
            return
        case .fullMatrix:
            for i in 0..<n { for j in 0..<n { guard try body(i, j) else { return } } }
        case .upperRow, .lowerColumn:
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { guard try body(i, j) else { return } } }
        case .lowerRow, .upperColumn:
            for i in 0..<n { for j in 0..<i { guard try body(i, j) else { return } } }
        case .upperDiagonalRow, .lowerDiagonalColumn:
            for i in 0..<n { for j in i..<n { guard try body(i, j) else { return } } }
        case .lowerDiagonalRow, .upperDiagonalColumn:
            for i in 0..<n { for j in 0...i { guard try body(i, j) else { return } } }
        }
    }
}
