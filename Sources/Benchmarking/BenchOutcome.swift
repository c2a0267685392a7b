import Foundation
import RoutingIO

/// The rows of a finished (or interrupted) bench run, gaps resolved, in instance and method order.
public struct BenchOutcome: Sendable {
    /// One row per instance and method that has run.
    public let rows: [BenchRow]
    /// Method labels in the order given.
    public let methods: [String]
    /// `false` when the run was stopped before every row was done.
    public let complete: Bool

    public init(rows: [BenchRow], methods: [String], complete: Bool) {
        self.rows = rows
        self.methods = methods
        self.complete = complete
    }

    /// The rows of one method.
    public func rows(of method: String) -> [BenchRow] { rows.filter { $0.method == method } }

    /// The problem groups present (`TSP`, `ATSP`, `CVRP`, `ACVRP`, and `unreadable` for instances that
    /// could not be read), in that order.
    public var groups: [String] {
        let present = Set(rows.map(Self.group(of:)))
        return (["TSP", "ATSP", "CVRP", "ACVRP", "unreadable"]).filter(present.contains)
    }

    /// The group a row belongs to.
    public static func group(of row: BenchRow) -> String {
        row.problem?.rawValue.uppercased() ?? "unreadable"
    }
}

extension BenchOutcome {
    /// The rows of the `results.csv` in a bench output folder, methods in order of first appearance
    /// (for `routeopt plot bench`).
    /// - Throws: ``FormatError`` when the file is missing or not a results table.
    public static func load(folder: String) throws -> BenchOutcome {
        let file = ResultsFile(path: folder + "/results.csv")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw FormatError(file: file.path, line: nil, message: "no such file (is \(folder) a bench output folder?)")
        }
        let rows = try file.read()
        var methods: [String] = []
        for row in rows where !methods.contains(row.method) { methods.append(row.method) }
        return BenchOutcome(rows: rows, methods: methods, complete: true)
    }
}
