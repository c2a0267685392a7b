import RoutingCore

/// Farthest insertion: start from the two nodes farthest apart, then repeatedly take the node
/// farthest from the tour (largest `min(d(t,v), d(v,t))` over tour nodes `t`) and insert it where
/// it adds the least directed cost.
/// - Complexity: O(n²).
public struct FarthestInsertionConstruction: TourConstruction {
    public init() {}

    public func tour(for distances: DistanceMatrix) -> [Int] {
        let n = distances.count
        guard n > 2 else { return Array(0..<n) }
        func gap(_ u: Int, _ v: Int) -> Int { min(distances[u, v], distances[v, u]) }
        var first = 0, second = 1
        for u in 0..<n {
            for v in (u + 1)..<n where gap(u, v) > gap(first, second) { first = u; second = v }
        }
        var tour = SuccessorTour(n: n, first: first, second: second)
        var distanceToTour = (0..<n).map { min(gap($0, first), gap($0, second)) }
        var inTour = [Bool](repeating: false, count: n)
        inTour[first] = true
        inTour[second] = true
        for _ in 2..<n {
            var farthest = -1
            for v in 0..<n where !inTour[v] && (farthest < 0 || distanceToTour[v] > distanceToTour[farthest]) {
                farthest = v
            }
            tour.insert(farthest, after: tour.cheapestInsertion(of: farthest, from: first, distances).after)
            inTour[farthest] = true
            for v in 0..<n where !inTour[v] { distanceToTour[v] = min(distanceToTour[v], gap(v, farthest)) }
        }
        return tour.order(from: 0)
    }
}
