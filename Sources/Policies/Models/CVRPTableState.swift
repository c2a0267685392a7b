import Tensor

/// CVRP rollouts of one instance for ``TableDecoding``, with the masks of ``CVRPEnvironment`` (Kool's
/// `StateCVRP`): a customer is masked when served or when its demand exceeds the remaining capacity; the
/// depot right after the depot unless every customer is served; a finished rollout may only stay at
/// the depot.
///
/// The query is `last[ℓ] + (remaining/capacity)·capacity`.
final class CVRPTableState: TableDecodingState {
    let rows: Int
    let nodes: Int
    private let capacity: Int
    private let demands: [Int32]
    private let masks: UnsafeMutablePointer<UInt8>
    private let served: UnsafeMutablePointer<UInt8>
    private var current: [Int], remaining: [Int], unserved: [Int]
    private var instance = 0

    /// States for `rows` rollouts per instance of `batch`.
    init(batch: ProblemBatch, rows: Int) {
        self.rows = rows
        nodes = batch.nodes
        capacity = batch.capacity
        demands = batch.demands
        masks = .allocate(capacity: max(rows * nodes, 1))
        served = .allocate(capacity: max(rows * nodes, 1))
        current = [Int](repeating: 0, count: rows)
        remaining = current
        unserved = current
    }

    deinit {
        masks.deallocate()
        served.deallocate()
    }

    func reset(instance: Int) {
        self.instance = instance
        served.initialize(repeating: 0, count: rows * nodes)
        for row in 0..<rows {
            current[row] = 0
            remaining[row] = capacity
            unserved[row] = nodes - 1
            updateMask(row: row)
        }
    }

    var isFinished: Bool { (0..<rows).allSatisfy { unserved[$0] == 0 && current[$0] == 0 } }

    func mask(row: Int) -> UnsafeMutablePointer<UInt8> { masks + row * nodes }

    func query(row: Int) -> QueryTerms {
        QueryTerms(first: -1, last: current[row], capacity: Float(remaining[row]) / Float(capacity))
    }

    func apply(row: Int, node: Int) {
        precondition(masks[row * nodes + node] == 0, "CVRP decoding chose masked node \(node)")
        if node == 0 {
            remaining[row] = capacity
        } else {
            served[row * nodes + node] = 1
            unserved[row] -= 1
            remaining[row] -= Int(demands[instance * nodes + node])
        }
        current[row] = node
        updateMask(row: row)
    }

    private func updateMask(row: Int) {
        let mask = masks + row * nodes, done = served + row * nodes
        let base = instance * nodes, left = Int32(remaining[row])
        for node in 1..<nodes {
            mask[node] = done[node] != 0 || demands[base + node] > left ? 1 : 0
        }
        mask[0] = current[row] == 0 && unserved[row] > 0 ? 1 : 0
    }
}
