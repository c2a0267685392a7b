import RoutingCore
import Tensor

/// Batched CVRP decoding state (node 0 is the depot), with the masks of Kool et al.'s `StateCVRP`.
///
/// - Observations: current node, visited customers, remaining capacity.
/// - Constraints: a customer is masked when visited or when its demand exceeds the remaining capacity;
///   the depot is masked right after the depot (no empty route) unless every customer is served.
/// - Finish: a row is done when every customer is served and the vehicle is back at the depot; done
///   rows keep choosing the depot (their only allowed action, log-probability 0).
/// - Reward: minus the total length of all routes.
public final class CVRPEnvironment: DecodingEnvironment {
    public let rows: Int
    public let nodes: Int
    public let mask: Mask
    public private(set) var current: [Int32]
    /// Capacity left in the current vehicle per row.
    public private(set) var remainingCapacity: [Int32]
    /// Customers not yet served per row.
    public private(set) var unservedCount: [Int32]
    public private(set) var lengths: [Float]
    public private(set) var actions: [[Int32]] = []
    /// Rollouts per instance.
    public let rolloutsPerInstance: Int
    /// Vehicle capacity.
    public let capacity: Int
    private let costs: TravelCosts
    private let demands: [Int32]
    /// Customers served per row (the depot entry is unused).
    private var served: [UInt8]

    /// Every vehicle at the depot with full capacity.
    public init(batch: ProblemBatch, rolloutsPerInstance: Int = 1) {
        precondition(batch.kind == .cvrp, "CVRPEnvironment needs a CVRP batch")
        self.rolloutsPerInstance = rolloutsPerInstance
        rows = batch.count * rolloutsPerInstance
        nodes = batch.nodes
        capacity = batch.capacity
        costs = TravelCosts(batch)
        demands = batch.demands
        mask = Mask(allowingAll: [rows, nodes])
        current = [Int32](repeating: 0, count: rows)
        remainingCapacity = [Int32](repeating: Int32(capacity), count: rows)
        unservedCount = [Int32](repeating: Int32(nodes - 1), count: rows)
        lengths = [Float](repeating: 0, count: rows)
        served = [UInt8](repeating: 0, count: rows * nodes)
        for row in 0..<rows { updateMask(row: row) }
    }

    public var isFinished: Bool { (0..<rows).allSatisfy { isDone(row: $0) } }

    /// Whether `row` has served everyone and returned to the depot.
    public func isDone(row: Int) -> Bool { unservedCount[row] == 0 && current[row] == 0 }

    /// Remaining capacity as a fraction of the capacity, per row (the decoder's context input).
    public var remainingCapacityFraction: [Float] { remainingCapacity.map { Float($0) / Float(capacity) } }

    public func step(_ chosen: [Int32]) {
        precondition(chosen.count == rows, "CVRP step: one action per row")
        for row in 0..<rows {
            let node = Int(chosen[row]), instance = row / rolloutsPerInstance
            precondition(!mask[row * nodes + node], "node \(node) is not allowed in row \(row)")
            lengths[row] += costs.cost(instance: instance, Int(current[row]), node)
            if node == 0 {
                remainingCapacity[row] = Int32(capacity)
            } else {
                served[row * nodes + node] = 1
                unservedCount[row] -= 1
                remainingCapacity[row] -= demands[instance * nodes + node]
            }
            current[row] = Int32(node)
            updateMask(row: row)
        }
        actions.append(chosen)
    }

    private func updateMask(row: Int) {
        let instance = row / rolloutsPerInstance
        let remaining = remainingCapacity[row]
        mask.withUnsafeMutableBytes { bytes in
            let maskRow = bytes.baseAddress! + row * nodes
            for node in 1..<nodes {
                let blocked = served[row * nodes + node] != 0 || demands[instance * nodes + node] > remaining
                maskRow[node] = blocked ? 1 : 0
            }
            maskRow[0] = current[row] == 0 && unservedCount[row] > 0 ? 1 : 0
        }
    }

    /// The finished routes of `row` (customers between depot visits).
    public func solution(row: Int) -> Solution? {
        guard isDone(row: row) else { return nil }
        return .routes(fromSequence: sequence(row: row), depot: 0)
    }
}
