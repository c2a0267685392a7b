import Foundation
import RoutingCore

/// Writes an instance as a TSPLIB/CVRPLIB file with its full matrix: `EDGE_WEIGHT_TYPE: EXPLICIT`,
/// `EDGE_WEIGHT_FORMAT: FULL_MATRIX`, rows `[from][to]`, so asymmetric costs are kept exactly.
///
/// TSP/ATSP instances become `TYPE: TSP`/`ATSP`; CVRP and asymmetric CVRP become `TYPE: CVRP` with
/// `CAPACITY`, `DEMAND_SECTION` and the depot as node 1 (``InstanceReader`` reads an asymmetric `FULL_MATRIX`
/// CVRP back as ``ProblemKind/acvrp``). Coordinates, when present, go to `DISPLAY_DATA_SECTION` (drawing only;
/// the costs are the matrix's).
public enum ExplicitInstanceWriter {
    /// The file text of `instance`; `comment` becomes the `COMMENT` line (line breaks are replaced by spaces).
    /// - Precondition: for vehicle routing the depot is node 0, as CVRPLIB files require.
    public static func text(_ instance: Instance, comment: String = "") -> String {
        let n = instance.dimension
        precondition(!instance.kind.isVehicleRouting || instance.depot == 0, "the depot must be node 0")
        let type = switch instance.kind {
        case .tsp: "TSP"
        case .atsp: "ATSP"
        case .cvrp, .acvrp: "CVRP"
        }
        var lines = ["NAME: \(instance.name)", "TYPE: \(type)"]
        let note = (comment.isEmpty ? instance.comment : comment).split(whereSeparator: \.isNewline).joined(separator: " ")
        if !note.isEmpty { lines.append("COMMENT: \(note)") }
        lines.append("DIMENSION: \(n)")
        if let capacity = instance.capacity { lines.append("CAPACITY: \(capacity)") }
        lines += ["EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_FORMAT: FULL_MATRIX"]
        if instance.coordinates != nil { lines.append("DISPLAY_DATA_TYPE: TWOD_DISPLAY") }
        lines.append("EDGE_WEIGHT_SECTION")
        for i in 0..<n {
            lines.append((0..<n).map { String(instance.distances[i, $0]) }.joined(separator: " "))
        }
        if let coordinates = instance.coordinates {
            lines.append("DISPLAY_DATA_SECTION")
            for (node, point) in coordinates.enumerated() {
                lines.append("\(node + 1) \(String(format: "%.6f", point.x)) \(String(format: "%.6f", point.y))")
            }
        }
        if instance.kind.isVehicleRouting {
            lines.append("DEMAND_SECTION")
            lines += instance.demands.enumerated().map { "\($0.offset + 1) \($0.element)" }
            lines += ["DEPOT_SECTION", "1", "-1"]
        }
        lines.append("EOF")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes ``text(_:comment:)`` to `path`, atomically.
    /// - Throws: ``FormatError`` naming the file when it cannot be written.
    public static func write(_ instance: Instance, to path: String, comment: String = "") throws(FormatError) {
        do {
            try Data(text(instance, comment: comment).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FormatError(file: path, line: nil, message: "cannot write the instance: \(error.localizedDescription)")
        }
    }
}
