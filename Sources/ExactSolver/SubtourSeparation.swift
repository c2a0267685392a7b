/// Finds node sets `S` whose support-graph cut `w(δ(S))` is below 2: violated subtour elimination
/// (TSP) or DFJ (ATSP, on the symmetrised arc values) inequalities.
///
/// First the connected components (every component of a disconnected support graph has `w(δ(S)) = 0`;
/// on integral values this alone is exact), then, for a connected graph, every Stoer–Wagner phase cut
/// lighter than `2 − tolerance` — the global minimum cut is among them, so no violated inequality is
/// missed when none is returned.
enum SubtourSeparation {
    /// Violated sets, each given as its smaller side (fewer nonzeros in `x(E(S)) ≤ |S| − 1`), sorted,
    /// without repeats, most violated first.
    static func violatedSets(in graph: SupportGraph, tolerance: Double, integral: Bool) -> [[Int]] {
        let n = graph.nodes
        guard n >= 3 else { return [] }
        let components = graph.components()
        var found: [(set: [Int], weight: Double)]
        if components.count > 1 {
            found = components.map { ($0, 0) }
        } else if integral {
            return []
        } else {
            found = PhaseCuts.all(in: graph).filter { $0.weight < 2 - tolerance }.map { ($0.nodes, $0.weight) }
        }
        var seen = Set<[Int]>()
        var result: [(set: [Int], weight: Double)] = []
        for (set, weight) in found {
            let side = smallerSide(set, nodes: n)
            if seen.insert(side).inserted { result.append((side, weight)) }
        }
        return result.sorted { $0.weight < $1.weight }.map(\.set)
    }

    /// `set` or its complement, whichever has fewer nodes, in increasing order.
    static func smallerSide(_ set: [Int], nodes: Int) -> [Int] {
        guard set.count * 2 > nodes else { return set.sorted() }
        let members = Set(set)
        return (0..<nodes).filter { !members.contains($0) }
    }
}
