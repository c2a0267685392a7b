import Foundation
import RoutingCore

/// The outcome of `routeopt solve`: what is printed as one human line or one JSON object.
public struct SolveReport: Sendable, Equatable {
    /// Instance name.
    public var name: String
    /// Problem kind.
    public var problem: ProblemKind
    /// Nodes, the depot included.
    public var dimension: Int
    /// Cost of the written solution, as re-evaluated.
    public var cost: Cost
    /// `optimal` only when proven.
    public var status: SolveStatus
    /// Proven lower bound, when the method has one.
    public var bound: Cost?
    /// `(cost − bound) / cost`, when there is a bound.
    public var gap: Double?
    /// The method that produced the solution.
    public var method: String
    /// Solver wall-clock seconds.
    public var seconds: Double
    /// Where the solution was written.
    public var solutionFile: String
    /// The best known value from an `optima.csv` beside the instance, if any.
    public var bestKnown: Cost?
    /// Whether ``bestKnown`` is a proven optimum.
    public var bestKnownIsOptimal: Bool?
    /// The seed the run used.
    public var seed: UInt64
    /// The policy checkpoint file (`--method policy`), else `nil`.
    public var model: String? = nil
    /// The policy decoding (`multistart-aug8`, `greedy`, `sample:16`, …), else `nil`.
    public var decoding: String? = nil

    /// Relative gap to the best known value, in percent.
    public var gapToBestKnownPercent: Double? {
        guard let bestKnown, bestKnown > 0 else { return nil }
        return 100 * Double(cost - bestKnown) / Double(bestKnown)
    }

    /// One line for people: `eil51: cost 426, feasible, bound –, heuristic, 10.00 s → solutions/eil51.tour`;
    /// a policy run names its checkpoint file and decoding after the method:
    /// `…, policy (tsp50-pomo.safetensors, multistart-aug8), 0.41 s …`.
    public var humanLine: String {
        var line = "\(name): cost \(cost), \(status.rawValue)"
        line += ", bound " + (bound.map(String.init) ?? "-")
        if let gap { line += String(format: " (gap %.2f %%)", gap * 100) }
        line += ", \(method)"
        if let model { line += " (\(URL(fileURLWithPath: model).lastPathComponent), \(decoding ?? "-"))" }
        line += ", " + String(format: "%.2f s", seconds)
        if let bestKnown, let percent = gapToBestKnownPercent {
            let label = bestKnownIsOptimal == true ? "optimum" : "best known"
            line += String(format: ", %.2f %% %@ the %@ %d", abs(percent), percent < 0 ? "below" : "above", label, bestKnown)
        }
        return line + " -> \(solutionFile)"
    }

    /// One compact JSON object (keys sorted) for scripts; absent values are `null`.
    public var jsonLine: String {
        var object: [String: Any] = [
            "name": name, "problem": problem.rawValue, "dimension": dimension, "cost": cost,
            "status": status.rawValue, "method": method, "seconds": (seconds * 1000).rounded() / 1000,
            "solution_file": solutionFile, "seed": seed,
        ]
        object["bound"] = bound ?? NSNull()
        object["gap"] = gap ?? NSNull()
        object["best_known"] = bestKnown ?? NSNull()
        object["best_known_is_optimal"] = bestKnownIsOptimal ?? NSNull()
        object["gap_to_best_known_percent"] = gapToBestKnownPercent ?? NSNull()
        object["model"] = model ?? NSNull()
        object["decoding"] = decoding ?? NSNull()
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
