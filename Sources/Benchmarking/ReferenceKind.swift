/// Where the reference cost of a gap comes from, best first.
public enum ReferenceKind: String, Sendable, CaseIterable, Comparable {
    /// A method of this bench run proved the optimum (status `optimal`).
    case proven
    /// A proven optimum listed in an `optima.csv` beside the instance file.
    case optimaOptimal = "optima.csv:optimal"
    /// A best-known value (optimality not established) from an `optima.csv` beside the instance file.
    case optimaBestKnown = "optima.csv:best-known"
    /// The cheapest solution any method of this run found.
    case bestFound = "best-found"

    /// Whether the reference is a proven optimum, so a gap above it is a true optimality gap.
    public var isOptimum: Bool { self == .proven || self == .optimaOptimal }

    public static func < (lhs: ReferenceKind, rhs: ReferenceKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
