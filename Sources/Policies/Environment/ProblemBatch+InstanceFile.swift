import Foundation
import RoutingCore

/// Standard instance files of generated instances (`routeopt generate`).
///
/// Coordinates are written as integers: `round(10⁶ · x)` for `x` in `[0, 1)`, so the file's EUC_2D
/// distances (`nint` of the Euclidean distance) are the unit-square distances scaled by 10⁶, each within
/// 0.5 of the exact value, and a reader who divides by 10⁶ gets the policy's coordinates back to within
/// 5·10⁻⁷. TSP files are TSPLIB `TYPE : TSP`; CVRP files are CVRPLIB `TYPE : CVRP` with the depot as
/// node 1, `DEMAND_SECTION` and `DEPOT_SECTION`.
extension ProblemBatch {
    /// Scale of the integer coordinates in generated files.
    public static let fileCoordinateScale = 1_000_000.0

    /// The conventional file name of instance `index` of the set `seed`: `tsp50-s1234-0007.tsp`,
    /// `cvrp20-s1-0000.vrp`.
    public static func instanceFileName(_ problem: ProblemKind, size: Int, seed: UInt64, index: Int) -> String {
        let number = String(index).count >= 4 ? String(index) : String(repeating: "0", count: 4 - String(index).count) + String(index)
        return "\(problem.rawValue)\(size)-s\(seed)-\(number).\(problem == .tsp ? "tsp" : "vrp")"
    }

    /// The TSPLIB/CVRPLIB text of instance `offset` of this batch, named `name`.
    public func instanceFileText(offset: Int, name: String, comment: String) -> String {
        var lines = ["NAME : \(name)", "COMMENT : \(comment)", "TYPE : \(kind == .tsp ? "TSP" : "CVRP")",
                     "DIMENSION : \(nodes)", "EDGE_WEIGHT_TYPE : EUC_2D"]
        if kind == .cvrp { lines.append("CAPACITY : \(capacity)") }
        lines.append("NODE_COORD_SECTION")
        for node in 0..<nodes {
            let p = point(offset, node)
            let x = Int((Double(p.x) * Self.fileCoordinateScale).rounded())
            let y = Int((Double(p.y) * Self.fileCoordinateScale).rounded())
            lines.append("\(node + 1) \(x) \(y)")
        }
        if kind == .cvrp {
            lines.append("DEMAND_SECTION")
            for node in 0..<nodes { lines.append("\(node + 1) \(demands[offset * nodes + node])") }
            lines += ["DEPOT_SECTION", "1", "-1"]
        }
        lines.append("EOF")
        return lines.joined(separator: "\n") + "\n"
    }
}
