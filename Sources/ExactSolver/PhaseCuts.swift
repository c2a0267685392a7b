/// Stoer–Wagner minimum cut, keeping every "cut of the phase".
///
/// Each phase of the algorithm ends with a cut that separates the last-added (merged) node `t` from the
/// rest, and the global minimum cut is the lightest of them. Returning all of them gives many light
/// cuts from one run — the usual way to collect several violated subtour inequalities at once.
/// - Complexity: O(n³) on the dense support graph.
enum PhaseCuts {
    /// One cut: the node set on the `t` side and its crossing weight.
    struct Cut: Sendable, Equatable {
        var nodes: [Int]
        var weight: Double
    }

    /// The cut of every phase of Stoer–Wagner on `graph` restricted to `members` (all nodes when `nil`).
    static func all(in graph: SupportGraph, among members: [Int]? = nil) -> [Cut] {
        let vertices = members ?? Array(0..<graph.nodes)
        let m = vertices.count
        guard m >= 2 else { return [] }
        var weight = [Double](repeating: 0, count: m * m)
        for a in 0..<m { for b in 0..<m where a != b { weight[a * m + b] = graph[vertices[a], vertices[b]] } }
        var groups = vertices.map { [$0] }
        var active = Array(0..<m)
        var cuts: [Cut] = []
        cuts.reserveCapacity(m - 1)
        var attachment = [Double](repeating: 0, count: m)
        var added = [Bool](repeating: false, count: m)
        while active.count > 1 {
            for v in active { attachment[v] = 0; added[v] = false }
            var previous = -1, last = -1
            for _ in 0..<active.count {
                var best = -1
                for v in active where !added[v] && (best < 0 || attachment[v] > attachment[best]) { best = v }
                added[best] = true
                previous = last
                last = best
                for v in active where !added[v] { attachment[v] += weight[best * m + v] }
            }
            cuts.append(Cut(nodes: groups[last].sorted(), weight: attachment[last]))
            // Merge `last` into `previous`.
            groups[previous] += groups[last]
            for v in active where v != previous && v != last {
                weight[previous * m + v] += weight[last * m + v]
                weight[v * m + previous] = weight[previous * m + v]
            }
            active.removeAll { $0 == last }
        }
        return cuts
    }
}
