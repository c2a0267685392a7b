import RoutingCore

/// Read-only data of one CVRP/ACVRP instance, laid out for the search's hot loops and shared by
/// every worker thread: the distance matrix, demands and neighbour lists in manually owned buffers.
///
/// Node ids used by ``RouteState`` extend the instance's nodes with two depot copies per route slot
/// (a start and an end sentinel); ``location`` maps every id back to an instance node.
final class CVRPData: @unchecked Sendable {
    /// The instance this data was built from.
    let instance: Instance
    /// Instance nodes, the depot included (`N`).
    let dimension: Int
    /// The depot node.
    let depot: Int
    /// Vehicle capacity.
    let capacity: Int
    /// Route slots in a ``RouteState``: enough for every feasible solution.
    let routeSlots: Int
    /// The most non-empty routes a solution may have.
    let vehicleLimit: Int
    /// Every customer node.
    let customers: [Int32]
    /// `true` when `d(i,j) == d(j,i)` for all pairs.
    let isSymmetric: Bool
    /// Ids: `dimension` instance nodes plus a start and end sentinel per route slot.
    let idCount: Int
    /// Row-major `N × N` distances.
    let distances: UnsafeMutablePointer<Int32>
    /// The instance node of every id (sentinels map to the depot).
    let location: UnsafeMutablePointer<Int32>
    /// Demand of every id (zero for the depot and the sentinels).
    let demands: UnsafeMutablePointer<Int32>
    /// Granular neighbour lists for local search, `granularity` customers per node.
    let granular: UnsafeMutablePointer<Int32>
    let granularity: Int
    /// Longer neighbour lists that the ruin step walks to pick nearby routes.
    let adjacency: UnsafeMutablePointer<Int32>
    let adjacencySize: Int

    /// Builds the data.
    /// - Parameters:
    ///   - granularity: neighbours per customer scanned by local search.
    ///   - adjacency: neighbours per customer considered by the ruin step.
    init(instance: Instance, granularity: Int = 20, adjacency: Int = 100) {
        self.instance = instance
        let n = instance.dimension
        dimension = n
        depot = instance.depot
        capacity = instance.capacity ?? Int(Int32.max)
        customers = instance.customers.map { Int32($0) }
        let customerCount = customers.count
        vehicleLimit = min(instance.vehicleLimit ?? max(1, customerCount), max(1, customerCount))
        routeSlots = vehicleLimit
        isSymmetric = instance.distances.isSymmetric
        idCount = n + 2 * routeSlots

        let matrix = UnsafeMutablePointer<Int32>.allocate(capacity: n * n)
        instance.distances.storage.withUnsafeBufferPointer { source in
            matrix.initialize(from: source.baseAddress!, count: n * n)
        }
        distances = matrix
        location = .allocate(capacity: n + 2 * vehicleLimit)
        demands = .allocate(capacity: n + 2 * vehicleLimit)
        for id in 0..<(n + 2 * vehicleLimit) {
            location[id] = Int32(id < n ? id : instance.depot)
            demands[id] = id < n ? Int32(instance.demands[id]) : 0
        }
        // One neighbour computation: the granular lists are the nearest part of the adjacency lists.
        let far = NeighborLists(distances: instance.distances, k: max(adjacency, granularity), among: instance.customers)
        adjacencySize = far.k
        let farBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n * far.k))
        for (index, value) in far.flat.enumerated() { farBuffer[index] = value }
        self.adjacency = farBuffer
        let near = min(granularity, far.k)
        self.granularity = near
        let nearBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n * near))
        for node in 0..<n {
            for rank in 0..<near { nearBuffer[node * near + rank] = farBuffer[node * far.k + rank] }
        }
        granular = nearBuffer
    }

    deinit {
        distances.deallocate()
        location.deallocate()
        demands.deallocate()
        granular.deallocate()
        adjacency.deallocate()
    }

    /// Travel cost between two ids.
    @inline(__always)
    func d(_ a: Int32, _ b: Int32) -> Int {
        Int(distances[Int(location[Int(a)]) &* dimension &+ Int(location[Int(b)])])
    }

    /// The start sentinel id of route slot `r`.
    @inline(__always)
    func start(_ r: Int) -> Int32 { Int32(dimension + r) }

    /// The end sentinel id of route slot `r`.
    @inline(__always)
    func end(_ r: Int) -> Int32 { Int32(dimension + routeSlots + r) }
}
