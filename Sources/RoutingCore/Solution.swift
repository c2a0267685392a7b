/// A solution in driving order, with 0-based node numbers.
public enum Solution: Sendable, Hashable {
    /// TSP/ATSP: a cyclic permutation of all nodes, in visiting order.
    case tour([Int])
    /// CVRP: one array of customers per vehicle, in driving order, without the depot.
    case routes([[Int]])

    /// The tour of a TSP/ATSP solution, or `nil`.
    public var tour: [Int]? {
        if case .tour(let order) = self { return order }
        return nil
    }

    /// The routes of a CVRP solution, or `nil`.
    public var routes: [[Int]]? {
        if case .routes(let routes) = self { return routes }
        return nil
    }

    /// The same solution with empty routes dropped (CVRP) — what gets written to files.
    public var withoutEmptyRoutes: Solution {
        switch self {
        case .tour: return self
        case .routes(let routes): return .routes(routes.filter { !$0.isEmpty })
        }
    }
}
