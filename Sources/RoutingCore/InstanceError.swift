/// Why an ``Instance`` or ``DistanceMatrix`` could not be built.
public enum InstanceError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(dimension: Int, limit: Int)
    case matrixSize(expected: Int, got: Int)
    case negativeDistance(from: Int, to: Int, value: Int)
    case distanceOutOfRange(from: Int, to: Int, value: Int)
    case coordinateCount(expected: Int, got: Int)
    case nonFiniteCoordinate(node: Int)
    case asymmetricMatrix(kind: ProblemKind, from: Int, to: Int)
    case missingCapacity
    case nonPositiveCapacity(Int)
    case demandCount(expected: Int, got: Int)
    case negativeDemand(node: Int, demand: Int)
    case demandExceedsCapacity(node: Int, demand: Int, capacity: Int)
    case depotDemand(demand: Int)
    case depotOutOfRange(depot: Int, dimension: Int)
    case invalidVehicleLimit(Int)
    case fleetTooSmall(vehicles: Int, capacity: Int, totalDemand: Int)
    case totalDemandTooLarge(Int)

    public var description: String {
        switch self {
        case .empty: return "the instance has no nodes"
        case .tooLarge(let n, let limit):
            return "dimension \(n) is larger than the supported maximum of \(limit) nodes"
        case .matrixSize(let expected, let got):
            return "the distance matrix should have \(expected) entries but has \(got)"
        case .negativeDistance(let i, let j, let v):
            return "negative distance \(v) from node \(i + 1) to node \(j + 1)"
        case .distanceOutOfRange(let i, let j, let v):
            return "distance \(v) from node \(i + 1) to node \(j + 1) is out of range (at most \(DistanceMatrix.maximumEntry))"
        case .coordinateCount(let expected, let got):
            return "expected \(expected) coordinates but got \(got)"
        case .nonFiniteCoordinate(let node):
            return "node \(node + 1) has a non-finite coordinate"
        case .asymmetricMatrix(let kind, let i, let j):
            return "a \(kind) instance needs a symmetric matrix, but d(\(i + 1),\(j + 1)) != d(\(j + 1),\(i + 1))"
        case .missingCapacity: return "a vehicle-routing instance needs a CAPACITY"
        case .nonPositiveCapacity(let c): return "capacity must be positive, got \(c)"
        case .demandCount(let expected, let got):
            return "expected \(expected) demands but got \(got)"
        case .negativeDemand(let node, let d): return "node \(node + 1) has negative demand \(d)"
        case .demandExceedsCapacity(let node, let d, let c):
            return "node \(node + 1) has demand \(d), more than the vehicle capacity \(c)"
        case .depotDemand(let d): return "the depot has non-zero demand \(d)"
        case .depotOutOfRange(let depot, let n):
            return "depot \(depot + 1) is not a node of a \(n)-node instance"
        case .invalidVehicleLimit(let v): return "the number of vehicles must be positive, got \(v)"
        case .totalDemandTooLarge(let total):
            return "the total demand \(total) is larger than the supported maximum \(Int32.max)"
        case .fleetTooSmall(let v, let c, let total):
            return "\(v) vehicles of capacity \(c) cannot carry the total demand \(total)"
        }
    }
}
