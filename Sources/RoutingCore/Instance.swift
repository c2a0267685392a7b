/// A routing instance: what every reader produces and every solver consumes.
///
/// The initialiser validates everything once (sizes, signs, capacity, symmetry for the symmetric
/// kinds), so code downstream never re-checks. Nodes are numbered from 0; file formats number them
/// from 1. For the vehicle-routing kinds the depot is node ``depot`` (0 in every CVRPLIB file).
public struct Instance: Sendable {
    /// Largest accepted dimension: a dense matrix of this size takes about 1.6 GB.
    public static let maximumDimension = 20_000

    /// Instance name (readers use the file's base name: several classic files carry stale `NAME` lines).
    public var name: String
    /// The problem.
    public let kind: ProblemKind
    /// Travel costs between every ordered pair of nodes.
    public let distances: DistanceMatrix
    /// Node positions when the instance has them (for drawing and for coordinate-based policies).
    public let coordinates: [Point]?
    /// The distance rule the costs were computed with (`EUC_2D`, `GEO`, `EXPLICIT`, …), for reports.
    public let distanceRule: String
    /// Demand per node (all zero for TSP/ATSP; the depot's demand is zero).
    public let demands: [Int]
    /// Vehicle capacity (`nil` for TSP/ATSP).
    public let capacity: Int?
    /// The depot node (0 unless the file says otherwise; meaningless for TSP/ATSP).
    public let depot: Int
    /// The number of vehicles when the instance limits it; `nil` means an unlimited fleet.
    public let vehicleLimit: Int?
    /// Free-text comment carried from the file.
    public var comment: String

    /// Number of nodes, the depot included.
    @inlinable public var dimension: Int { distances.count }

    /// Creates and validates an instance.
    /// - Throws: ``InstanceError`` naming the first problem found.
    public init(
        name: String,
        kind: ProblemKind,
        distances: DistanceMatrix,
        coordinates: [Point]? = nil,
        distanceRule: String = "EXPLICIT",
        demands: [Int]? = nil,
        capacity: Int? = nil,
        depot: Int = 0,
        vehicleLimit: Int? = nil,
        comment: String = ""
    ) throws(InstanceError) {
        let n = distances.count
        guard n > 0 else { throw .empty }
        guard n <= Self.maximumDimension else { throw .tooLarge(dimension: n, limit: Self.maximumDimension) }
        if let coordinates {
            guard coordinates.count == n else { throw .coordinateCount(expected: n, got: coordinates.count) }
            if let bad = coordinates.firstIndex(where: { !$0.x.isFinite || !$0.y.isFinite }) {
                throw .nonFiniteCoordinate(node: bad)
            }
        }
        if kind == .tsp || kind == .cvrp, let (i, j) = distances.firstAsymmetricPair {
            throw .asymmetricMatrix(kind: kind, from: i, to: j)
        }
        let demandList = demands ?? [Int](repeating: 0, count: n)
        if kind.isVehicleRouting {
            guard depot >= 0 && depot < n else { throw .depotOutOfRange(depot: depot, dimension: n) }
            guard let capacity else { throw .missingCapacity }
            guard capacity > 0 else { throw .nonPositiveCapacity(capacity) }
            guard demandList.count == n else { throw .demandCount(expected: n, got: demandList.count) }
            for (node, demand) in demandList.enumerated() {
                guard demand >= 0 else { throw .negativeDemand(node: node, demand: demand) }
                guard demand <= capacity else {
                    throw .demandExceedsCapacity(node: node, demand: demand, capacity: capacity)
                }
            }
            guard demandList[depot] == 0 else { throw .depotDemand(demand: demandList[depot]) }
            // Solvers keep route loads in 32 bits: any load is at most the total demand.
            let totalDemand = demandList.reduce(0) { $0.addingReportingOverflow($1).partialValue }
            guard totalDemand <= Int(Int32.max), capacity <= Int(Int32.max) else {
                throw .totalDemandTooLarge(max(totalDemand, capacity))
            }
            if let vehicleLimit {
                guard vehicleLimit > 0 else { throw .invalidVehicleLimit(vehicleLimit) }
                let total = demandList.reduce(0) { $0.addingReportingOverflow($1).partialValue }
                let (fleetCapacity, overflow) = vehicleLimit.multipliedReportingOverflow(by: capacity)
                guard overflow || total <= fleetCapacity else {
                    throw .fleetTooSmall(vehicles: vehicleLimit, capacity: capacity, totalDemand: total)
                }
            }
        }
        self.name = name
        self.kind = kind
        self.distances = distances
        self.coordinates = coordinates
        self.distanceRule = distanceRule
        self.demands = demandList
        self.capacity = kind.isVehicleRouting ? capacity : nil
        self.depot = kind.isVehicleRouting ? depot : 0
        self.vehicleLimit = kind.isVehicleRouting ? vehicleLimit : nil
        self.comment = comment
    }

    /// The customers of a vehicle-routing instance (every node but the depot), or every node for TSP.
    public var customers: [Int] {
        kind.isVehicleRouting ? (0..<dimension).filter { $0 != depot } : Array(0..<dimension)
    }

    /// Sum of all demands.
    public var totalDemand: Int { demands.reduce(0, +) }

    /// The fewest routes any feasible CVRP solution needs by the capacity bound, `⌈Σd / Q⌉`.
    public var minimumRoutes: Int {
        guard let capacity, capacity > 0 else { return 1 }
        return max(1, (totalDemand + capacity - 1) / capacity)
    }
}
