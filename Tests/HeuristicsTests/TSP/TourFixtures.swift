@testable import Heuristics
import Foundation
import RoutingCore
import RoutingTestSupport

/// Shared fixtures for the TSP tests: seeded random tours and an exact cost of an ``ArrayTour``.
enum TourFixtures {
    /// A seeded random permutation of `0..<n`.
    static func randomOrder(_ n: Int, _ rng: inout SeededGenerator) -> [Int] {
        Array(0..<n).shuffled(using: &rng)
    }

    /// The directed cost of `tour`, recomputed from scratch through ``Evaluator``.
    static func cost(_ tour: ArrayTour, _ instance: Instance) -> Int {
        Evaluator.tourCost(tour.nodes, distances: instance.distances)
    }

    /// `true` when `tour`'s order and position arrays agree and hold a permutation.
    static func isConsistent(_ tour: ArrayTour) -> Bool {
        let nodes = tour.nodes
        guard Set(nodes).count == tour.n, nodes.allSatisfy({ $0 >= 0 && $0 < tour.n }) else { return false }
        return (0..<tour.n).allSatisfy { Int(tour.position[Int(tour.order[$0])]) == $0 }
    }

    /// The symmetric and asymmetric instances the operator sweeps run on.
    static func sweepInstances(seed: UInt64) -> [Instance] {
        [RandomInstances.euclideanTSP(12 + Int(seed % 9), seed: seed),
         RandomInstances.randomATSP(12 + Int(seed % 9), seed: seed)]
    }

    /// Runs `body` with a search context over `instance` (candidate lists of length `k`).
    static func withContext<R>(_ instance: Instance, k: Int = 8, _ body: (SearchContext) throws -> R) rethrows -> R {
        let lists = CandidateLists(distances: instance.distances, k: k, symmetric: instance.distances.isSymmetric)
        return try SearchContext.with(instance.distances, lists, body)
    }
}

extension TourFixtures {
    /// `true` when `construction` returns a permutation of all nodes on symmetric and asymmetric
    /// random instances of every size from 1 to 25.
    static func buildsPermutations(_ construction: some TourConstruction) -> Bool {
        (1...25).allSatisfy { n in
            [RandomInstances.euclideanTSP(n, seed: UInt64(n)), RandomInstances.randomATSP(n, seed: UInt64(n))]
                .allSatisfy { construction.tour(for: $0.distances).sorted() == Array(0..<n) }
        }
    }

    /// Twelve points on a circle, numbered out of angular order, and the cost of the optimal
    /// (angular) tour.
    static func circle() -> (DistanceMatrix, optimum: Int) {
        let n = 12
        let angleIndex = (0..<n).map { ($0 * 5) % n }
        let points = angleIndex.map { k in
            Point(x: 1000 * cos(Double(k) * 2 * .pi / Double(n)), y: 1000 * sin(Double(k) * 2 * .pi / Double(n)))
        }
        let matrix = try! DistanceMatrix(count: n) { i, j in Int(points[i].distance(to: points[j]) + 0.5) }
        let hull = (0..<n).sorted { angleIndex[$0] < angleIndex[$1] }
        return (matrix, Evaluator.tourCost(hull, distances: matrix))
    }
}
