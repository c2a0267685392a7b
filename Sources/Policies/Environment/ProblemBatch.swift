import RoutingCore
import Tensor

/// A batch of random routing instances in the unit square, as the learned policies see them.
///
/// - TSP: `nodes` cities, coordinates uniform in `[0, 1)²`.
/// - CVRP (Kool et al.): node 0 is the depot, then `nodes − 1` customers; demands are uniform integers
///   1…9 and the capacity is 20 / 30 / 40 / 50 for 10 / 20 / 50 / 100 customers.
///
/// Costs are computed in `Float` on these coordinates; ``instance(at:)`` turns one instance into a
/// RoutingCore ``Instance`` (distances scaled by ``instanceScale`` and rounded) so ``Evaluator`` and
/// ``ConstructionState`` can check what a policy produced.
///
/// A *matrix batch* (``travel`` set; real road networks, ATSP and asymmetric CVRP) carries its own travel
/// costs `[B, n, n]` (`[from][to]`, asymmetric allowed) in the same units as its coordinates, which are then
/// pseudo-coordinates (``MatrixEmbedding``): costs come from the matrix, never from the coordinates.
public struct ProblemBatch: Sendable {
    /// TSP or CVRP.
    public let kind: ProblemKind
    /// Instances in the batch.
    public let count: Int
    /// Nodes per instance (CVRP: the depot included).
    public let nodes: Int
    /// `[count, nodes, 2]` coordinates.
    public let coordinates: Tensor
    /// `count · nodes` demands (0 for the depot and for TSP).
    public let demands: [Int32]
    /// Vehicle capacity (CVRP), 0 for TSP.
    public let capacity: Int
    /// `[count, nodes, nodes]` travel costs `[from][to]` of a matrix batch, else `nil` (Euclidean).
    public let travel: Tensor?

    /// Whether costs come from ``travel`` (the matrix policy's ATSP / asymmetric CVRP).
    public var isMatrix: Bool { travel != nil }

    /// The problem as the policies name it: ATSP / ACVRP for matrix batches, else ``kind``.
    public var problem: ProblemKind {
        guard isMatrix else { return kind }
        return kind == .tsp ? .atsp : .acvrp
    }

    /// Distance scale used by ``instance(at:)``.
    public static let instanceScale = 10_000.0

    /// A batch from explicit data.
    public init(kind: ProblemKind, coordinates: Tensor, demands: [Int32]? = nil, capacity: Int = 0, travel: Tensor? = nil) {
        precondition(kind == .tsp || kind == .cvrp, "ProblemBatch supports TSP and CVRP")
        precondition(coordinates.rank == 3 && coordinates.shape[2] == 2, "coordinates must be [B, n, 2]")
        self.kind = kind
        count = coordinates.shape[0]
        nodes = coordinates.shape[1]
        self.coordinates = coordinates
        self.demands = demands ?? [Int32](repeating: 0, count: count * nodes)
        self.capacity = capacity
        self.travel = travel
        precondition(travel == nil || travel!.shape == [count, nodes, nodes], "travel costs must be [B, n, n]")
        precondition(self.demands.count == count * nodes, "one demand per node")
        precondition(kind == .tsp || capacity > 0, "CVRP needs a positive capacity")
    }

    /// Uniform random TSP instances with `nodes` cities.
    public static func randomTSP(count: Int, nodes: Int, using rng: inout SeededGenerator) -> ProblemBatch {
        ProblemBatch(kind: .tsp, coordinates: .uniformUnitSquare([count, nodes, 2], using: &rng))
    }

    /// Uniform random CVRP instances with `customers` customers plus a depot (Kool et al.'s generator).
    public static func randomCVRP(count: Int, customers: Int, using rng: inout SeededGenerator) -> ProblemBatch {
        let nodes = customers + 1
        let coordinates = Tensor.uniformUnitSquare([count, nodes, 2], using: &rng)
        var demands = [Int32](repeating: 0, count: count * nodes)
        for b in 0..<count {
            for j in 1..<nodes { demands[b * nodes + j] = Int32(StandardCapacity.randomDemand(using: &rng)) }
        }
        return ProblemBatch(kind: .cvrp, coordinates: coordinates, demands: demands,
                            capacity: standardCapacity(customers: customers))
    }

    /// Kool et al.'s capacity for a customer count (interpolated between their sizes).
    public static func standardCapacity(customers: Int) -> Int {
        StandardCapacity.forCustomers(customers)
    }

    /// The instances `range` as a batch of their own (coordinates copied).
    public func slice(_ range: Range<Int>) -> ProblemBatch {
        let part = Tensor(uninitializedShape: [range.count, nodes, 2])
        part.pointer.update(from: coordinates.pointer + range.lowerBound * nodes * 2, count: part.count)
        let travelPart = travel.map { travel in
            let part = Tensor(uninitializedShape: [range.count, nodes, nodes])
            part.pointer.update(from: travel.pointer + range.lowerBound * nodes * nodes, count: part.count)
            return part
        }
        return ProblemBatch(kind: kind, coordinates: part,
                            demands: Array(demands[(range.lowerBound * nodes)..<(range.upperBound * nodes)]),
                            capacity: capacity, travel: travelPart)
    }

    /// Coordinates of node `node` in instance `instance`.
    public func point(_ instance: Int, _ node: Int) -> (x: Float, y: Float) {
        let p = coordinates.pointer + (instance * nodes + node) * 2
        return (p[0], p[1])
    }

    /// The travel cost from node `a` to node `b` of instance `instance`: the matrix entry of a matrix batch,
    /// else the Euclidean distance.
    public func cost(_ instance: Int, _ a: Int, _ b: Int) -> Float {
        TravelCosts(self).cost(instance: instance, a, b)
    }

    /// Length of the closed tour `tour` through instance `instance` (float, in the batch's units).
    public func tourLength(_ tour: [Int], instance: Int) -> Float {
        let costs = TravelCosts(self)
        var total: Float = 0
        for (position, node) in tour.enumerated() {
            total += costs.cost(instance: instance, node, tour[(position + 1) % tour.count])
        }
        return total
    }

    /// Instance `index` as a validated RoutingCore instance (distances = round(`scale` · travel cost); TSP/CVRP,
    /// or ATSP/ACVRP without coordinates for a matrix batch).
    public func instance(at index: Int, scale: Double = instanceScale) -> Instance {
        let points = (0..<nodes).map { node in
            let p = point(index, node)
            return Point(x: Double(p.x), y: Double(p.y))
        }
        let costs = TravelCosts(self)
        let matrix = try! DistanceMatrix(count: nodes) { i, j in
            isMatrix ? Int((Double(costs.cost(instance: index, i, j)) * scale).rounded()) : Int((points[i].distance(to: points[j]) * scale).rounded())
        }
        let coordinates = isMatrix ? nil : points
        let name = "\(problem.rawValue)\(size)-\(index)"
        if kind == .tsp {
            return try! Instance(name: name, kind: problem, distances: matrix, coordinates: coordinates)
        }
        let demandList = (0..<nodes).map { Int(demands[index * nodes + $0]) }
        return try! Instance(name: name, kind: problem, distances: matrix, coordinates: coordinates,
                             demands: demandList, capacity: capacity, depot: 0)
    }
}

extension Tensor {
    /// Uniform values in `[0, 1)`.
    static func uniformUnitSquare(_ shape: [Int], using rng: inout SeededGenerator) -> Tensor {
        let tensor = Tensor(uninitializedShape: shape)
        let p = tensor.pointer
        for i in 0..<tensor.count { p[i] = Float(rng.nextUnit()) }
        return tensor
    }
}
