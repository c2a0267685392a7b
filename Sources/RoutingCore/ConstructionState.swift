/// The state of building a solution one node at a time — shared by construction heuristics and
/// learned policies so both obey the same rules.
///
/// - Observations: the current node, visited set, remaining capacity (CVRP).
/// - Constraints: TSP/ATSP never revisit a node; CVRP visits a customer only if it fits the remaining
///   capacity, returns to the depot only from a customer (never twice in a row) and only while a
///   vehicle limit leaves room for another route.
/// - Finish: every customer is visited (CVRP: and the vehicle is back at the depot).
/// - Reward: minus the cost of the finished solution, computed once by ``Evaluator``.
public struct ConstructionState: Sendable, Hashable {
    /// The node the vehicle stands on (`nil` before the first TSP step).
    public private(set) var current: Int?
    /// The first node of the tour (TSP/ATSP).
    public private(set) var first: Int?
    /// Which nodes have been visited.
    public private(set) var visited: [Bool]
    /// The nodes in the order they were chosen; CVRP depot returns appear as the depot.
    public private(set) var sequence: [Int]
    /// Capacity left in the current vehicle (CVRP).
    public private(set) var remainingCapacity: Int
    /// Routes started so far (CVRP).
    public private(set) var routesStarted: Int
    /// Customers still to visit.
    public private(set) var unvisitedCount: Int

    private let kind: ProblemKind
    private let depot: Int
    private let capacity: Int
    private let vehicleLimit: Int?

    /// The empty state: for CVRP the vehicle waits at the depot.
    public init(instance: Instance) {
        kind = instance.kind
        depot = instance.depot
        capacity = instance.capacity ?? 0
        vehicleLimit = instance.vehicleLimit
        visited = [Bool](repeating: false, count: instance.dimension)
        sequence = []
        remainingCapacity = capacity
        if kind.isVehicleRouting {
            current = depot
            visited[depot] = true
            unvisitedCount = instance.dimension - 1
            routesStarted = 0
        } else {
            current = nil
            unvisitedCount = instance.dimension
            routesStarted = 0
        }
    }

    /// `true` when `node` may be chosen next.
    public func isAllowed(_ node: Int, demands: [Int]) -> Bool {
        guard node >= 0 && node < visited.count else { return false }
        if kind.isVehicleRouting {
            if node == depot {
                // Return only from a customer, and only if customers remain a new route can serve
                // (or all are served, which finishes the solution).
                guard let current, current != depot else { return false }
                if unvisitedCount == 0 { return true }
                if let vehicleLimit { return routesStarted < vehicleLimit }
                return true
            }
            guard !visited[node], demands[node] <= remainingCapacity else { return false }
            if current == depot, let vehicleLimit, routesStarted >= vehicleLimit { return false }
            return true
        }
        return !visited[node]
    }

    /// The mask of allowed next nodes.
    public func allowedActions(demands: [Int]) -> [Bool] {
        (0..<visited.count).map { isAllowed($0, demands: demands) }
    }

    /// The state after choosing `node`.
    /// - Precondition: `isAllowed(node, demands:)`.
    public func applying(_ node: Int, demands: [Int]) -> ConstructionState {
        precondition(isAllowed(node, demands: demands), "action \(node) is not allowed in this state")
        var next = self
        next.sequence.append(node)
        if kind.isVehicleRouting {
            if node == depot {
                next.remainingCapacity = capacity
            } else {
                if current == depot { next.routesStarted += 1 }
                next.visited[node] = true
                next.unvisitedCount -= 1
                next.remainingCapacity -= demands[node]
            }
        } else {
            if first == nil { next.first = node }
            next.visited[node] = true
            next.unvisitedCount -= 1
        }
        next.current = node
        return next
    }

    /// `true` once the solution is complete.
    public var isTerminal: Bool {
        kind.isVehicleRouting ? unvisitedCount == 0 && current == depot : unvisitedCount == 0
    }

    /// The finished solution, or `nil` before ``isTerminal``.
    public var solution: Solution? {
        guard isTerminal else { return nil }
        guard kind.isVehicleRouting else { return .tour(sequence) }
        return .routes(fromSequence: sequence, depot: depot)
    }
}
