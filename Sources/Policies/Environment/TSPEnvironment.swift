import RoutingCore
import Tensor

/// Batched TSP decoding state.
///
/// - Observations: first and current node, visited set.
/// - Constraints: a visited node is never chosen again.
/// - Finish: after `nodes` steps every row has visited every node; the closing edge back to the first
///   node is added to ``lengths`` then.
/// - Reward: minus the closed tour length.
public final class TSPEnvironment: DecodingEnvironment {
    public let rows: Int
    public let nodes: Int
    public let mask: Mask
    public private(set) var current: [Int32]
    /// First node per row (`-1` before the first step).
    public private(set) var first: [Int32]
    public private(set) var lengths: [Float]
    public private(set) var actions: [[Int32]] = []
    /// Rollouts per instance.
    public let rolloutsPerInstance: Int
    private let costs: TravelCosts

    /// Empty tours for every instance of `batch` (`rolloutsPerInstance` rows each).
    public init(batch: ProblemBatch, rolloutsPerInstance: Int = 1) {
        precondition(batch.kind == .tsp, "TSPEnvironment needs a TSP batch")
        self.rolloutsPerInstance = rolloutsPerInstance
        rows = batch.count * rolloutsPerInstance
        nodes = batch.nodes
        costs = TravelCosts(batch)
        mask = Mask(allowingAll: [rows, nodes])
        current = [Int32](repeating: -1, count: rows)
        first = current
        lengths = [Float](repeating: 0, count: rows)
    }

    public var isFinished: Bool { actions.count == nodes }

    public func step(_ chosen: [Int32]) {
        precondition(chosen.count == rows && !isFinished, "TSP step: one action per row, before the end")
        let closing = actions.count == nodes - 1
        mask.withUnsafeMutableBytes { visited in
            for row in 0..<rows {
                let node = Int(chosen[row]), instance = row / rolloutsPerInstance
                precondition(visited[row * nodes + node] == 0, "node \(node) already visited in row \(row)")
                visited[row * nodes + node] = 1
                if current[row] >= 0 {
                    lengths[row] += costs.cost(instance: instance, Int(current[row]), node)
                } else {
                    first[row] = Int32(node)
                }
                if closing {
                    lengths[row] += costs.cost(instance: instance, node, Int(first[row]))
                }
                current[row] = Int32(node)
            }
        }
        actions.append(chosen)
    }

    /// The finished tour of `row`.
    public func solution(row: Int) -> Solution? { isFinished ? .tour(sequence(row: row)) : nil }
}
