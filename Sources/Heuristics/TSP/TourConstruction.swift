import RoutingCore

/// A construction heuristic for TSP/ATSP: builds a tour (a permutation of all nodes, in driving
/// order) from the cost matrix alone. Every construction reads directed costs `d(i, j)`, so it is
/// valid for asymmetric matrices.
public protocol TourConstruction: Sendable {
    /// A tour over all `distances.count` nodes.
    func tour(for distances: DistanceMatrix) -> [Int]
}
