/// The routing problems RouteOpt solves.
public enum ProblemKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Symmetric travelling salesman problem.
    case tsp
    /// Asymmetric travelling salesman problem (`d(i,j)` may differ from `d(j,i)`).
    case atsp
    /// Capacitated vehicle routing with a symmetric matrix.
    case cvrp
    /// Capacitated vehicle routing with an asymmetric matrix (real road networks).
    case acvrp

    /// `true` for the vehicle-routing kinds, which have a depot, demands and a capacity.
    public var isVehicleRouting: Bool { self == .cvrp || self == .acvrp }

    /// `true` when the distance matrix may be asymmetric.
    public var isAsymmetric: Bool { self == .atsp || self == .acvrp }

    public var description: String { rawValue.uppercased() }
}
