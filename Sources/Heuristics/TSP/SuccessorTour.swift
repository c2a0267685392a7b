import RoutingCore

/// A tour kept as a successor array while a construction inserts nodes into it.
struct SuccessorTour {
    /// `successor[v]` for nodes in the tour; -1 for nodes not yet inserted.
    var successor: [Int]

    /// A cycle through `first` and `second` (or the single node `first` when they are equal).
    init(n: Int, first: Int, second: Int) {
        successor = [Int](repeating: -1, count: n)
        successor[first] = second
        successor[second] = first
    }

    /// Inserts `v` right after `a`.
    mutating func insert(_ v: Int, after a: Int) {
        successor[v] = successor[a]
        successor[a] = v
    }

    /// The cheapest edge `(a, successor[a])` to insert `v` into, walking the cycle from `start`.
    /// - Returns: `a` and the cost increase `d(a,v) + d(v,b) − d(a,b)`.
    func cheapestInsertion(of v: Int, from start: Int, _ distances: DistanceMatrix) -> (after: Int, cost: Int) {
        var bestAfter = start
        var bestCost = Int.max
        var a = start
        repeat {
            let b = successor[a]
            let cost = distances[a, v] + distances[v, b] - distances[a, b]
            if cost < bestCost { bestCost = cost; bestAfter = a }
            a = b
        } while a != start
        return (bestAfter, bestCost)
    }

    /// The cycle as an array starting at `start`.
    func order(from start: Int) -> [Int] {
        var result = [start]
        var v = successor[start]
        while v != start {
            result.append(v)
            v = successor[v]
        }
        return result
    }
}
