/// Heuristic separation of blossom (2-matching) inequalities for the symmetric TSP,
/// `x(E(H)) + Σ_{i=1..t} x(e_i) ≤ |H| + (t − 1)/2`, for a handle `H` and an odd number `t ≥ 3` of
/// node-disjoint teeth `e_i` (edges with one end in `H`).
///
/// Padberg–Hong's odd-component heuristic with a few thresholds `τ`: handles are the connected components
/// of the edges with `ε < x_e < 1 − τ`; teeth are the edges leaving the handle with `x_e ≥ 1 − τ`. Two teeth
/// meeting at one outside node are absorbed into the handle (their node joins `H`, `t` drops by 2).
/// With `τ = 0` and disjoint teeth such a blossom is violated by exactly ½; every candidate is checked.
enum BlossomSeparation {
    /// A blossom: the handle's nodes and the teeth (each an edge `(inside, outside)`).
    struct Blossom: Sendable, Equatable {
        var handle: [Int]
        var teeth: [(Int, Int)]

        static func == (a: Blossom, b: Blossom) -> Bool {
            a.handle == b.handle && a.teeth.map { [$0.0, $0.1] } == b.teeth.map { [$0.0, $0.1] }
        }

        /// Right-hand side `|H| + (t − 1)/2`.
        var limit: Double { Double(handle.count + (teeth.count - 1) / 2) }

        /// Left-hand side at the support graph's values.
        func activity(in graph: SupportGraph) -> Double {
            var total = 0.0
            for (k, i) in handle.enumerated() { for j in handle[(k + 1)...] { total += graph[i, j] } }
            return teeth.reduce(total) { $0 + graph[$1.0, $1.1] }
        }
    }

    /// Violated blossoms, most violated first, without repeats.
    static func violated(in graph: SupportGraph, tolerance: Double) -> [Blossom] {
        var found: [(Blossom, Double)] = []
        var seen = Set<[Int]>()
        for slack in [0.0, 0.1, 0.2, 0.3] {
            for handle in handles(in: graph, slack: slack) {
                guard let blossom = teeth(for: handle, in: graph, slack: slack) else { continue }
                let violation = blossom.activity(in: graph) - blossom.limit
                guard violation > tolerance, seen.insert(blossom.handle).inserted else { continue }
                found.append((blossom, violation))
            }
        }
        return found.sorted { $0.1 > $1.1 }.map(\.0)
    }

    /// Components (of at least 2 nodes) of the edges with `10⁻⁶ < x_e < 1 − slack − 10⁻⁶`.
    private static func handles(in graph: SupportGraph, slack: Double) -> [[Int]] {
        var fractional = SupportGraph(nodes: graph.nodes)
        for i in 0..<graph.nodes {
            for j in (i + 1)..<max(i + 1, graph.nodes) where graph[i, j] > 1e-6 && graph[i, j] < 1 - slack - 1e-6 {
                fractional.add(1, between: i, and: j)
            }
        }
        return fractional.components(above: 0.5).filter { $0.count >= 2 && $0.count <= graph.nodes - 2 }
    }

    /// The heavy edges leaving `handle`, with shared outside ends absorbed; `nil` unless an odd number
    /// `≥ 3` of disjoint teeth remains.
    private static func teeth(for handle: [Int], in graph: SupportGraph, slack: Double) -> Blossom? {
        var members = Set(handle)
        var changed = true
        var teeth: [(Int, Int)] = []
        while changed {
            changed = false
            teeth = []
            for i in members.sorted() { for j in 0..<graph.nodes where !members.contains(j) && graph[i, j] >= 1 - slack - 1e-6 {
                teeth.append((i, j))
            } }
            var outsideCount: [Int: Int] = [:]
            for tooth in teeth { outsideCount[tooth.1, default: 0] += 1 }
            if let shared = outsideCount.filter({ $0.value >= 2 }).keys.min() {
                members.insert(shared)
                changed = true
            }
        }
        let insideEnds = Set(teeth.map(\.0))
        guard teeth.count >= 3, teeth.count % 2 == 1, insideEnds.count == teeth.count,
              members.count <= graph.nodes - 2 else { return nil }
        return Blossom(handle: members.sorted(), teeth: teeth.sorted { ($0.0, $0.1) < ($1.0, $1.1) })
    }
}
