import RoutingCore
import RoutingIO

/// Chooses each instance's reference cost and fills in the gaps of its rows.
///
/// The reference is, in this order: the optimum a method of the run proved (a row with status `optimal`),
/// else the `optima.csv` value beside the instance file (its own optimum or best-known value, as the file
/// says), else the cheapest solution any method of the run found. Gaps are `100 · (cost − reference) /
/// reference`; they can be negative against a best-known value, or against an `optima.csv` optimum
/// published under another rule (the fixed-fleet CVRP optima: RouteOpt's fleet is unlimited unless the
/// file limits it, the same convention as `solve`).
public enum BenchReferences {
    /// The reference for one instance's rows, or `nil` when there is none (no method found a solution
    /// and no `optima.csv` lists it).
    public static func reference(for rows: [BenchRow], optima: OptimaTable.Entry?) -> (cost: Cost, kind: ReferenceKind)? {
        if let proven = rows.filter({ $0.outcome == .optimal }).compactMap(\.cost).min() {
            return (proven, .proven)
        }
        if let optima {
            return (optima.bestKnown, optima.isOptimal ? .optimaOptimal : .optimaBestKnown)
        }
        if let best = rows.filter(\.outcome.hasSolution).compactMap(\.cost).min() {
            return (best, .bestFound)
        }
        return nil
    }

    /// `rows` with reference, reference kind and gap filled in, grouped by instance; `optima` gives the
    /// `optima.csv` entry of an instance (by name, kind and dimension).
    public static func resolve(_ rows: [BenchRow],
                               optima: (_ instance: String, _ kind: ProblemKind, _ dimension: Int) -> OptimaTable.Entry?)
        -> [BenchRow] {
        let byInstance = Dictionary(grouping: rows.indices, by: { rows[$0].instance })
        var resolved = rows
        for indices in byInstance.values {
            let group = indices.map { rows[$0] }
            let known = group.first { $0.problem != nil && $0.dimension != nil }
            let entry = known.flatMap { optima($0.instance, $0.problem!, $0.dimension!) }
            let reference = reference(for: group, optima: entry)
            for index in indices {
                resolved[index].reference = reference?.cost
                resolved[index].referenceKind = reference?.kind
                resolved[index].gapPercent = reference.flatMap { gapPercent(of: resolved[index].cost, to: $0.cost) }
            }
        }
        return resolved
    }

    /// `100 · (cost − reference) / reference`; `nil` without a cost; 0 for a zero reference and cost.
    public static func gapPercent(of cost: Cost?, to reference: Cost) -> Double? {
        guard let cost else { return nil }
        guard reference != 0 else { return cost == 0 ? 0 : nil }
        return 100 * Double(cost - reference) / Double(reference)
    }
}
