/// Why a ``Solution`` is not a feasible solution of an ``Instance``.
public enum SolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongShape(expected: String)
    case nodeOutOfRange(node: Int, dimension: Int)
    case repeatedNode(Int)
    case missingNode(Int)
    case depotInRoute(route: Int)
    case overCapacity(route: Int, load: Int, capacity: Int)
    case tooManyRoutes(routes: Int, vehicles: Int)

    public var description: String {
        switch self {
        case .wrongShape(let expected): return "the solution is not \(expected)"
        case .nodeOutOfRange(let node, let n): return "node \(node + 1) is not a node of this \(n)-node instance"
        case .repeatedNode(let node): return "node \(node + 1) is visited more than once"
        case .missingNode(let node): return "node \(node + 1) is never visited"
        case .depotInRoute(let r): return "route \(r + 1) contains the depot"
        case .overCapacity(let r, let load, let cap): return "route \(r + 1) carries \(load), more than the capacity \(cap)"
        case .tooManyRoutes(let routes, let vehicles): return "\(routes) routes but only \(vehicles) vehicles"
        }
    }
}
