import RoutingCore

/// Greedy edge (greedy matching): scan candidate arcs cheapest first and keep an arc when both
/// ends still have a free slot and it closes no subtour; then chain the resulting paths, each
/// time driving from the current path's end to the nearest start of an unused path.
///
/// For a symmetric matrix edges are undirected (degree ≤ 2); for an asymmetric one arcs are
/// directed (one out-arc and one in-arc per node). Candidates are each node's `candidates`
/// cheapest arcs. - Complexity: O(n² log k + n·k log(n·k) + n·f) for `f` paths.
public struct GreedyEdgeConstruction: TourConstruction {
    /// Candidate arcs per node.
    public var candidates: Int

    public init(candidates: Int = 10) {
        self.candidates = candidates
    }

    public func tour(for distances: DistanceMatrix) -> [Int] {
        guard distances.count > 2 else { return Array(0..<distances.count) }
        let symmetric = distances.isSymmetric
        return tour(for: distances, lists: CandidateLists(distances: distances, k: candidates, symmetric: symmetric),
                    symmetric: symmetric)
    }

    /// The greedy tour from already built candidate lists (the solver shares its own).
    func tour(for distances: DistanceMatrix, lists: CandidateLists, symmetric: Bool) -> [Int] {
        let n = distances.count
        guard n > 2 else { return Array(0..<n) }
        var arcs: [(cost: Int, from: Int, to: Int)] = []
        arcs.reserveCapacity(n * lists.k)
        for v in 0..<n {
            for r in 0..<lists.k {
                let w = Int(lists.outgoing[v * lists.k + r])
                if !symmetric || v < w || !lists.outgoing[w * lists.k..<(w + 1) * lists.k].contains(Int32(v)) {
                    arcs.append((distances[v, w], v, w))
                }
            }
        }
        arcs.sort { ($0.cost, $0.from, $0.to) < ($1.cost, $1.from, $1.to) }
        // Directed view: link[v] = successor, back[v] = predecessor. An undirected edge is stored
        // in whichever of the two slots is free at each end and re-oriented when paths are chained.
        var link = [Int](repeating: -1, count: n)
        var back = [Int](repeating: -1, count: n)
        var component = Array(0..<n)
        func root(_ v: Int) -> Int {
            var v = v
            while component[v] != v { component[v] = component[component[v]]; v = component[v] }
            return v
        }
        var joined = 0
        for arc in arcs where joined < n - 1 {
            let (u, v) = (arc.from, arc.to)
            let free = symmetric ? (degree(u, link, back) < 2 && degree(v, link, back) < 2) : (link[u] < 0 && back[v] < 0)
            guard free, root(u) != root(v) else { continue }
            component[root(u)] = root(v)
            if symmetric {
                if link[u] < 0 { link[u] = v } else { back[u] = v }
                if link[v] < 0 { link[v] = u } else { back[v] = u }
            } else {
                link[u] = v
                back[v] = u
            }
            joined += 1
        }
        return chain(n, link: link, back: back, symmetric: symmetric, distances)
    }

    private func degree(_ v: Int, _ link: [Int], _ back: [Int]) -> Int {
        (link[v] >= 0 ? 1 : 0) + (back[v] >= 0 ? 1 : 0)
    }

    /// Walks the paths and joins them nearest-start-first into one tour.
    private func chain(_ n: Int, link: [Int], back: [Int], symmetric: Bool, _ distances: DistanceMatrix) -> [Int] {
        // A path start: a node with a free slot (symmetric) or without a predecessor (directed).
        let isStart: (Int) -> Bool = symmetric ? { degree($0, link, back) < 2 } : { back[$0] < 0 }
        var used = [Bool](repeating: false, count: n)
        var order: [Int] = []
        order.reserveCapacity(n)
        var current = (0..<n).first(where: isStart) ?? 0
        while true {
            var previous = -1
            var v = current
            while true {
                order.append(v)
                used[v] = true
                let next = link[v] >= 0 && link[v] != previous && !used[link[v]] ? link[v]
                    : (symmetric && back[v] >= 0 && back[v] != previous && !used[back[v]] ? back[v] : -1)
                if next < 0 { break }
                previous = v
                v = next
            }
            guard order.count < n else { break }
            var nearest = -1
            for w in 0..<n where !used[w] && isStart(w) && (nearest < 0 || distances[v, w] < distances[v, nearest]) {
                nearest = w
            }
            current = nearest
        }
        return order
    }
}
