/// The perturbation of the iterated local search: a segment-local double bridge.
///
/// Three consecutive short segments `A B C` at a random position become `C B A` (each keeps its
/// orientation, so the kick is exact for asymmetric costs). Four edges change; their endpoints
/// are activated for the next local search.
struct DoubleBridgeKick {
    /// Longest segment.
    let maxSegment: Int

    init(maxSegment: Int = 30) {
        self.maxSegment = max(1, maxSegment)
    }

    /// Applies a random kick and returns its cost change.
    /// - Precondition: `tour.n >= 4`.
    func apply<G: RandomNumberGenerator>(to tour: ArrayTour, costs: CostView, using rng: inout G,
                                         activating queue: inout ActiveQueue) -> Int {
        let n = tour.n
        let limit = max(1, min(maxSegment, (n - 1) / 3))
        let la = Int.random(in: 1...limit, using: &rng)
        let lb = Int.random(in: 1...limit, using: &rng)
        let lc = Int.random(in: 1...limit, using: &rng)
        let start = Int.random(in: 0..<n, using: &rng)
        @inline(__always) func at(_ offset: Int) -> Int32 { tour.order[(start + offset + n) % n] }
        let beforeA = at(-1), a1 = at(0), aEnd = at(la - 1)
        let b1 = at(la), bEnd = at(la + lb - 1)
        let c1 = at(la + lb), cEnd = at(la + lb + lc - 1)
        let afterC = at(la + lb + lc)
        let delta = costs[beforeA, c1] &+ costs[cEnd, b1] &+ costs[bEnd, a1] &+ costs[aEnd, afterC]
            &- costs[beforeA, a1] &- costs[aEnd, b1] &- costs[bEnd, c1] &- costs[cEnd, afterC]
        tour.exchange(start: start, firstLength: la, secondLength: lb + lc)  // B C A
        tour.exchange(start: start, firstLength: lb, secondLength: lc)       // C B A
        for node in [beforeA, a1, aEnd, b1, bEnd, c1, cEnd, afterC] { queue.push(node) }
        return delta
    }
}
