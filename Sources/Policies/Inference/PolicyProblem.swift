import RoutingCore

/// Which policy problem reads which instance.
///
/// Coordinate policies (`tsp`, `cvrp` checkpoints) read node coordinates and solve symmetric instances that
/// have them. The matrix policy (`atsp`, `acvrp` checkpoints) reads only the travel matrix and solves every
/// instance of its routing: ATSP and TSP files for `atsp`, asymmetric and symmetric CVRP files for `acvrp`.
public enum PolicyProblem {
    /// The policy problem whose shipped checkpoint suits `instance` by default: the matrix policy for an
    /// asymmetric instance or one given by its matrix (no coordinates, or `EXPLICIT` weights whose coordinates are
    /// only display data, such as longitude/latitude of a real-road file), else the coordinate policy of its kind.
    public static func preferred(for instance: Instance) -> ProblemKind {
        if instance.kind.isAsymmetric || instance.coordinates == nil || instance.distanceRule == "EXPLICIT" {
            return matrixProblem(of: instance.kind)
        }
        return instance.kind
    }

    /// The matrix policy's problem for instances of `kind`: `.atsp` for tours, `.acvrp` for vehicle routing.
    public static func matrixProblem(of kind: ProblemKind) -> ProblemKind {
        kind.isVehicleRouting ? .acvrp : .atsp
    }

    /// Whether a policy trained on `problem` can solve instances of `kind`, with or without coordinates. A coordinate
    /// policy also decodes an asymmetric instance of its routing that has coordinates (real-road files carry their
    /// points' positions): it reads only the positions, and the result is costed on the file's matrix — the
    /// comparison that shows what reading the matrix buys. It is never picked by default for such files.
    public static func policy(_ problem: ProblemKind, solves kind: ProblemKind, hasCoordinates: Bool) -> Bool {
        problem.isVehicleRouting == kind.isVehicleRouting && (problem.isAsymmetric || hasCoordinates)
    }

    /// Checks that the checkpoint at `path`, trained on `problem`, can solve `instance` and that it is not too large.
    /// - Throws: ``PolicyError/needsCoordinates(instance:kind:)`` (a coordinate policy and an instance without
    ///   coordinates), ``PolicyError/wrongProblem(path:checkpoint:instance:)``,
    ///   ``PolicyError/tooLarge(instance:nodes:limit:)``.
    public static func check(_ instance: Instance, against problem: ProblemKind, path: String) throws(PolicyError) {
        if !problem.isAsymmetric, problem == instance.kind.symmetricCounterpart, instance.coordinates == nil {
            throw .needsCoordinates(instance: instance.name, kind: instance.kind)
        }
        guard policy(problem, solves: instance.kind, hasCoordinates: instance.coordinates != nil) else {
            throw .wrongProblem(path: path, checkpoint: problem, instance: instance.kind)
        }
        guard instance.dimension <= PolicyDecoder.maximumNodes else {
            throw .tooLarge(instance: instance.name, nodes: instance.dimension, limit: PolicyDecoder.maximumNodes)
        }
    }
}

extension ProblemKind {
    /// TSP for ATSP, CVRP for ACVRP, itself otherwise.
    var symmetricCounterpart: ProblemKind {
        switch self {
        case .atsp: .tsp
        case .acvrp: .cvrp
        case .tsp, .cvrp: self
        }
    }
}
