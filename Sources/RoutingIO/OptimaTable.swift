import Foundation
import RoutingCore
import SwiftCSV

/// Known optimal and best-known costs, read from an `optima.csv` with the columns
/// `name,problem,dimension,best_known,optimal,source` (in any order; extra columns are ignored).
public struct OptimaTable: Sendable {
    /// One instance's reference value.
    public struct Entry: Sendable, Hashable {
        public let name: String
        /// `tsp`, `atsp`, `cvrp` or `acvrp`, as written in the file.
        public let problem: String
        public let dimension: Int
        public let bestKnown: Cost
        /// `true` when `bestKnown` is a proven optimum (`optimal` column `yes`).
        public let isOptimal: Bool
        public let source: String

        public init(name: String, problem: String, dimension: Int, bestKnown: Cost, isOptimal: Bool, source: String) {
            self.name = name
            self.problem = problem
            self.dimension = dimension
            self.bestKnown = bestKnown
            self.isOptimal = isOptimal
            self.source = source
        }
    }

    /// The column names the file must have.
    static let requiredColumns = ["name", "problem", "dimension", "best_known", "optimal", "source"]

    /// All rows, in file order.
    public let entries: [Entry]
    private let byName: [String: Int]

    /// Builds a table from entries; for a repeated name the first entry wins.
    public init(entries: [Entry]) {
        self.entries = entries
        var byName: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where byName[entry.name] == nil { byName[entry.name] = index }
        self.byName = byName
    }

    /// The entry for an instance name, or `nil`.
    /// The row for `instance`: same name, same dimension and same problem family (a stale row with
    /// the same name but another size or problem is ignored rather than giving a wrong gap).
    public func entry(for instance: Instance) -> Entry? {
        entry(name: instance.name, kind: instance.kind, dimension: instance.dimension)
    }

    /// The row for an instance known by its name, kind and dimension (as a bench's `results.csv` records it).
    public func entry(name: String, kind: ProblemKind, dimension: Int) -> Entry? {
        guard let entry = self[name], entry.dimension == dimension else { return nil }
        let family = kind.isVehicleRouting ? ["cvrp", "acvrp"] : ["tsp", "atsp"]
        return family.contains(entry.problem.lowercased()) ? entry : nil
    }

    /// The relative gap of `cost` to `entry`'s value, in percent.
    public static func gapPercent(of cost: Cost, to entry: Entry) -> Double {
        entry.bestKnown > 0 ? 100 * Double(cost - entry.bestKnown) / Double(entry.bestKnown) : 0
    }

    public subscript(name: String) -> Entry? {
        byName[name].map { entries[$0] }
    }

    /// Reads an optima file.
    /// - Throws: ``FormatError`` naming the line of a bad row (missing column, non-numeric value, duplicate name).
    public static func load(contentsOf path: String) throws -> OptimaTable {
        let data = try FileContents.read(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormatError(file: path, line: nil, message: "not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses the text of an optima file; `file` names it in errors.
    static func parse(_ text: String, file: String) throws(FormatError) -> OptimaTable {
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw FormatError(file: file, line: nil, message: "not a valid CSV file (\(error))")
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var column: [String: Int] = [:]
        for name in requiredColumns {
            guard let index = header.firstIndex(of: name) else {
                throw FormatError(file: file, line: 1, message: "missing column '\(name)' (expected \(requiredColumns.joined(separator: ",")))")
            }
            column[name] = index
        }
        var entries: [Entry] = []
        var lineOfName: [String: Int] = [:]
        var line = 2 + newlines(in: csv.header)
        for row in csv.rows {
            defer { line += 1 + newlines(in: row) }
            guard row.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            func field(_ name: String) -> String {
                let index = column[name]!
                return index < row.count ? row[index].trimmingCharacters(in: .whitespaces) : ""
            }
            func failure(_ message: String) -> FormatError { FormatError(file: file, line: line, message: message) }
            let name = field("name")
            guard !name.isEmpty else { throw failure("empty name") }
            if let first = lineOfName[name] { throw failure("'\(name)' is listed twice (first on line \(first))") }
            lineOfName[name] = line
            guard let dimension = Int(field("dimension")), dimension > 0 else {
                throw failure("dimension '\(field("dimension"))' of \(name) is not a positive whole number")
            }
            guard let bestKnown = Cost(field("best_known")), bestKnown >= 0 else {
                throw failure("best_known '\(field("best_known"))' of \(name) is not a non-negative whole number")
            }
            let isOptimal: Bool
            switch field("optimal").lowercased() {
            case "yes", "true", "1": isOptimal = true
            case "no", "false", "0": isOptimal = false
            default: throw failure("optimal '\(field("optimal"))' of \(name) is neither yes nor no")
            }
            entries.append(Entry(name: name, problem: field("problem").lowercased(), dimension: dimension,
                                 bestKnown: bestKnown, isOptimal: isOptimal, source: field("source")))
        }
        return OptimaTable(entries: entries)
    }

    /// Looks for optima.csv in the instance file's directory and its parent; nil if none.
    ///
    /// A file that exists but cannot be read as a table also gives `nil`; use ``load(contentsOf:)`` to see why.
    public static func beside(instancePath: String) -> OptimaTable? {
        let directory = URL(fileURLWithPath: instancePath).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("optima.csv").path
            if FileManager.default.fileExists(atPath: path) {
                return try? load(contentsOf: path)
            }
        }
        return nil
    }

    /// Line breaks inside quoted fields, which shift the line numbers of later rows.
    private static func newlines(in fields: [String]) -> Int {
        fields.reduce(0) { $0 + $1.filter(\.isNewline).count }
    }
}
