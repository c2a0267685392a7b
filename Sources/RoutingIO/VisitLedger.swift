/// Tracks which nodes a solution file has visited, and where, to report repeats and gaps.
struct VisitLedger {
    private(set) var lines: [Int]
    private(set) var count = 0

    init(dimension: Int) {
        lines = [Int](repeating: 0, count: dimension)
    }

    /// Records a visit of `node` (0-based) on `line`; returns the line of an earlier visit, if any.
    mutating func visit(_ node: Int, line: Int) -> Int? {
        if lines[node] != 0 { return lines[node] }
        lines[node] = line
        count += 1
        return nil
    }

    /// The first node among `nodes` never visited.
    func firstMissing(among nodes: some Sequence<Int>) -> Int? {
        nodes.first { lines[$0] == 0 }
    }
}
