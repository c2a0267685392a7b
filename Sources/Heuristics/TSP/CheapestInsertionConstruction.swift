import RoutingCore

/// Cheapest insertion: start from node 0 and its cheapest partner, then repeatedly insert the
/// node whose cheapest insertion (directed cost increase `d(a,v) + d(v,b) − d(a,b)`) is smallest.
///
/// Each outside node caches its best insertion edge; only nodes whose cached edge was just split
/// are rescanned. - Complexity: O(n²) typical, O(n³) worst case.
public struct CheapestInsertionConstruction: TourConstruction {
    public init() {}

    public func tour(for distances: DistanceMatrix) -> [Int] {
        let n = distances.count
        guard n > 2 else { return Array(0..<n) }
        var partner = 1
        for v in 1..<n where distances[0, v] + distances[v, 0] < distances[0, partner] + distances[partner, 0] {
            partner = v
        }
        var tour = SuccessorTour(n: n, first: 0, second: partner)
        var inTour = [Bool](repeating: false, count: n)
        inTour[0] = true
        inTour[partner] = true
        var best = (0..<n).map { tour.cheapestInsertion(of: $0, from: 0, distances) }
        for _ in 2..<n {
            var chosen = -1
            for v in 0..<n where !inTour[v] && (chosen < 0 || best[v].cost < best[chosen].cost) { chosen = v }
            let a = best[chosen].after
            let b = tour.successor[a]
            tour.insert(chosen, after: a)
            inTour[chosen] = true
            for v in 0..<n where !inTour[v] {
                if best[v].after == a {
                    best[v] = tour.cheapestInsertion(of: v, from: 0, distances)
                } else {
                    let viaA = distances[a, v] + distances[v, chosen] - distances[a, chosen]
                    let viaChosen = distances[chosen, v] + distances[v, b] - distances[chosen, b]
                    if viaA < best[v].cost { best[v] = (a, viaA) }
                    if viaChosen < best[v].cost { best[v] = (chosen, viaChosen) }
                }
            }
        }
        return tour.order(from: 0)
    }
}
