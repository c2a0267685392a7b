import Foundation
import RoutingCore

/// Writes solutions as TSPLIB `.tour` (TSP/ATSP) or CVRPLIB `.sol` (CVRP/ACVRP) text, in driving order.
///
/// The output reads back with ``SolutionReader`` and passes the reference checker `routecheck.py`.
public enum SolutionWriter {
    /// TSPLIB .tour text (NAME, TYPE: TOUR, COMMENT with cost, DIMENSION, TOUR_SECTION, -1, EOF) or CVRPLIB .sol text
    /// (`Route #k: ...` then `Cost c`), driving order, empty routes skipped.
    ///
    /// The format follows the solution's shape (`.tour` or `.routes`). Customer numbers in `.sol` text are
    /// `.vrp` node numbers − 1, i.e. the 0-based node. CVRPLIB has no comment line, so `comment` only
    /// appears in `.tour` text (on one line).
    public static func text(for solution: Solution, instance: Instance, cost: Cost, comment: String? = nil) -> String {
        switch solution {
        case .tour(let order):
            let note = comment.map { singleLine($0) + "; " } ?? ""
            var text = "NAME : \(singleLine(instance.name)).tour\n"
            text += "TYPE : TOUR\n"
            text += "COMMENT : \(note)cost \(cost)\n"
            text += "DIMENSION : \(order.count)\n"
            text += "TOUR_SECTION\n"
            for node in order { text += "\(node + 1)\n" }
            text += "-1\nEOF\n"
            return text
        case .routes(let routes):
            var text = ""
            for (number, route) in routes.filter({ !$0.isEmpty }).enumerated() {
                text += "Route #\(number + 1):"
                for customer in route { text += " \(customer)" }
                text += "\n"
            }
            text += "Cost \(cost)\n"
            return text
        }
    }

    /// Writes atomically (temp file in the same directory, then rename); creates parent directories.
    /// - Throws: ``FormatError`` (without a line) naming the path and what failed.
    public static func write(_ solution: Solution, instance: Instance, cost: Cost, to path: String, comment: String? = nil) throws {
        let data = Data(text(for: solution, instance: instance, cost: cost, comment: comment).utf8)
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FormatError(file: path, line: nil, message: "cannot create the directory \(directory.path) (\(error.localizedDescription))")
        }
        do {
            try data.write(to: temporary)
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FormatError(file: path, line: nil, message: "cannot write (\(error.localizedDescription))")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FormatError(file: path, line: nil, message: "cannot move the written file into place (\(reason))")
        }
    }

    /// "tour" for TSP/ATSP, "sol" for CVRP/ACVRP.
    public static func fileExtension(for kind: ProblemKind) -> String {
        kind.isVehicleRouting ? "sol" : "tour"
    }

    /// `text` with line breaks replaced by spaces, so it fits a header line.
    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
