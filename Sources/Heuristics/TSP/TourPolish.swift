import RoutingCore

/// The heuristic solver's tour local search, run once from a given tour: a polish for tours that come
/// from elsewhere (a learned policy's `--polish`).
///
/// Symmetric costs: ``LinKernighanSearch`` (chains of 2-opt flips, so every 2-opt improvement is among
/// its moves) with ``OrOptSearch``; asymmetric costs: ``SegmentExchangeSearch`` with ``OrOptSearch``.
/// Only improving moves are applied, until no active node improves or the deadline passes. No kicks:
/// this is a local optimum near the given tour, not the iterated search of ``TourHeuristicSolver``.
/// Tours of at most ``ExhaustiveTour/maximumDimension`` nodes are replaced by the cheapest tour.
public enum TourPolish {
    /// A tour at least as cheap as `order` on `distances`.
    /// - Parameters:
    ///   - order: a permutation of `0..<distances.count`.
    ///   - deadline: stops the search early (the tour so far is returned); `nil` runs to a local optimum.
    /// - Complexity: about linear in the number of improving moves, with `k = 10` candidates per node.
    public static func improve(_ order: [Int], distances: DistanceMatrix, deadline: Deadline? = nil) -> [Int] {
        let n = distances.count
        precondition(order.count == n, "a tour visits every node once")
        let before = Evaluator.tourCost(order, distances: distances)
        let improved: [Int]
        if n <= ExhaustiveTour.maximumDimension {
            improved = ExhaustiveTour.cheapest(distances)
        } else {
            let symmetric = distances.isSymmetric
            let lists = CandidateLists(distances: distances, k: 10, symmetric: symmetric)
            improved = SearchContext.with(distances, lists) { context in
                if symmetric {
                    return optimise(order, TourLocalSearch(primary: LinKernighanSearch(context: context),
                                                           secondary: OrOptSearch(context: context, symmetric: true)),
                                    deadline: deadline)
                }
                return optimise(order, TourLocalSearch(primary: SegmentExchangeSearch(context: context),
                                                       secondary: OrOptSearch(context: context, symmetric: false)),
                                deadline: deadline)
            }
        }
        return Evaluator.tourCost(improved, distances: distances) < before ? improved : order
    }

    private static func optimise<P, S>(_ order: [Int], _ search: TourLocalSearch<P, S>, deadline: Deadline?) -> [Int] {
        let tour = ArrayTour(order)
        var search = search
        var queue = ActiveQueue(n: tour.n)
        queue.pushAll(tour)
        _ = search.optimise(tour, queue: &queue, until: deadline)
        return tour.nodes
    }
}
