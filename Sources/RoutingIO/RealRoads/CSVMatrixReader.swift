import Foundation
import RoutingCore

/// Reads a square matrix from a CSV file: one row per line, comma-separated numbers, row-major `[from][to]`.
///
/// Lines starting with `#` are comments; a comment `# unit: km` states the unit (``MatrixUnit``). The unit must be
/// stated, in the file or by the caller — a matrix without units is refused. Every problem (ragged or non-square
/// rows, empty cells, NaN, infinities, negative values, no unit) is a ``FormatError`` naming the file and line —
/// except OSRM's same-segment artefacts: values down to −``CityMatrices/negativeTolerance`` metres or seconds are
/// kept, for ``CityMatrices`` to set to 0 and count, as the JSON and float32 imports do.
public enum CSVMatrixReader {
    /// The matrix and its unit.
    public struct Matrix: Sendable, Equatable {
        /// Row-major values, in ``unit``.
        public let values: [Double]
        /// Rows (= columns).
        public let count: Int
        /// The unit the values are in.
        public let unit: MatrixUnit

        /// The values converted to metres or seconds.
        public var inBaseUnits: [Double] { values.map { $0 * unit.factor } }
    }

    /// Reads `path`; `unit` (from the command line) is used when the file states none, and must agree with it
    /// otherwise; `lengths` says whether a length (`true`) or a time unit is expected.
    /// - Throws: ``FormatError`` naming the file and line of the first problem.
    public static func read(_ path: String, unit: MatrixUnit?, lengths: Bool) throws(FormatError) -> Matrix {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw FormatError(file: path, line: nil, message: "cannot read the matrix file")
        }
        var stated: MatrixUnit?
        var rows = [[Double]]()
        var rowLines = [Int]()
        var negatives = [(line: Int, column: Int, field: String, value: Double)]()
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let comment = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if comment.lowercased().hasPrefix("unit") {
                    let name = comment.dropFirst(4).drop { $0 == ":" || $0 == " " || $0 == "=" }
                    guard let parsed = MatrixUnit(name: String(name)), parsed.isLength == lengths else {
                        throw FormatError(file: path, line: number, message: "unknown \(lengths ? "length" : "time") unit "
                                          + "'\(name)' (use \(MatrixUnit.names(lengths: lengths)))")
                    }
                    stated = parsed
                }
                continue
            }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            var row = [Double]()
            for (column, cell) in cells.enumerated() {
                let field = cell.trimmingCharacters(in: .whitespaces)
                guard let value = Double(field), value.isFinite else {
                    throw FormatError(file: path, line: number, message: "column \(column + 1): '\(field)' is not a finite number")
                }
                if value < 0 { negatives.append((number, column + 1, field, value)) }
                row.append(value)
            }
            if let first = rows.first, row.count != first.count {
                throw FormatError(file: path, line: number,
                                  message: "ragged rows: \(row.count) values, the first row (line \(rowLines[0])) has \(first.count)")
            }
            rows.append(row)
            rowLines.append(number)
        }
        guard !rows.isEmpty else { throw FormatError(file: path, line: nil, message: "no matrix rows") }
        guard rows.count == rows[0].count else {
            throw FormatError(file: path, line: nil, message: "not square: \(rows.count) rows of \(rows[0].count) values")
        }
        if let stated, let unit, stated != unit {
            throw FormatError(file: path, line: nil, message: "the file says unit '\(stated.rawValue)', the command line '\(unit.rawValue)'")
        }
        guard let resolved = stated ?? unit else {
            throw FormatError(file: path, line: nil, message: "no unit: start the file with '# unit: "
                              + "\(lengths ? "km" : "min")' (\(MatrixUnit.names(lengths: lengths))) or give the unit option")
        }
        let tolerance = Double(CityMatrices.negativeTolerance)
        if let bad = negatives.first(where: { $0.value * resolved.factor < -tolerance }) {
            throw FormatError(file: path, line: bad.line, message: "column \(bad.column): negative value \(bad.field) "
                              + "(only routing-engine artefacts down to −\(tolerance) \(lengths ? "m" : "s") are accepted, as 0)")
        }
        return Matrix(values: rows.flatMap { $0 }, count: rows.count, unit: resolved)
    }
}
