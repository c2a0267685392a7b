/// TSP rollouts of one instance for ``TableDecoding``: the masks of ``TSPEnvironment``.
///
/// The query is the `start` row before the first move, then `first[f] + last[ℓ]`.
final class TSPTableState: TableDecodingState {
    let rows: Int
    let nodes: Int
    private let visited: UnsafeMutablePointer<UInt8>
    private var first: [Int], last: [Int]
    private var moves = 0

    init(rows: Int, nodes: Int) {
        self.rows = rows
        self.nodes = nodes
        visited = .allocate(capacity: max(rows * nodes, 1))
        first = [Int](repeating: -1, count: rows)
        last = first
    }

    deinit { visited.deallocate() }

    func reset(instance: Int) {
        visited.initialize(repeating: 0, count: rows * nodes)
        for row in 0..<rows {
            first[row] = -1
            last[row] = -1
        }
        moves = 0
    }

    var isFinished: Bool { moves == nodes * rows }

    func mask(row: Int) -> UnsafeMutablePointer<UInt8> { visited + row * nodes }

    func query(row: Int) -> QueryTerms { QueryTerms(first: first[row], last: last[row], capacity: 0) }

    func apply(row: Int, node: Int) {
        precondition(visited[row * nodes + node] == 0, "TSP decoding chose visited node \(node)")
        visited[row * nodes + node] = 1
        if first[row] < 0 { first[row] = node }
        last[row] = node
        moves += 1
    }
}
