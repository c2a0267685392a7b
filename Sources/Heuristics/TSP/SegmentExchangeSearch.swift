/// Best-improvement orientation-preserving 3-opt (``SegmentExchangeMove``) from one node `a`:
/// the new arc `a → next(b)` comes from `a`'s out-candidates and `b → next(c)` from `b`'s, with the
/// partial gain kept positive; the third arc `c → next(a)` closes the move.
struct SegmentExchangeSearch: TourMoveSearch {
    private let context: SearchContext

    init(context: SearchContext) {
        self.context = context
    }

    mutating func improve(from v: Int32, tour: ArrayTour, activating queue: inout ActiveQueue) -> Int {
        guard let (move, gain) = bestMove(at: v, tour: tour) else { return 0 }
        for node in [move.a, move.b, move.c] {
            queue.push(node)
            queue.push(tour.next(node))
        }
        move.apply(to: tour)
        return gain
    }

    /// The best improving segment exchange whose first removed arc leaves `a`, with its gain.
    func bestMove(at a: Int32, tour: ArrayTour) -> (SegmentExchangeMove, Int)? {
        guard tour.n >= 4 else { return nil }
        let costs = context.costs
        let k = context.k
        let a1 = tour.next(a)
        let g0 = costs[a, a1]
        var best: (SegmentExchangeMove, Int)? = nil
        var bestGain = 0
        let fromA = context.outgoing + Int(a) * k
        for r in 0..<k {
            let b1 = fromA[r]
            let g1 = g0 &- costs[a, b1]
            if g1 <= 0 { break }
            if b1 == a1 { continue }
            let b = tour.prev(b1)
            let rb = tour.distance(from: a, to: b)
            let g1b = g1 &+ costs[b, b1]
            let fromB = context.outgoing + Int(b) * k
            for s in 0..<k {
                let c1 = fromB[s]
                let g2 = g1b &- costs[b, c1]
                if g2 <= 0 { break }
                let c = tour.prev(c1)
                if tour.distance(from: a, to: c) <= rb { continue }
                let gain = g2 &+ costs[c, c1] &- costs[c, a1]
                if gain > bestGain {
                    bestGain = gain
                    best = (SegmentExchangeMove(a: a, b: b, c: c), gain)
                }
            }
        }
        return best
    }
}
