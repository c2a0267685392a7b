/// Best-improvement Or-opt from one node: every segment of 1…``maxLength`` nodes that starts or
/// ends at `v` is tried between each candidate pair `(p, next(p))` found through the candidate
/// lists of its ends. Reversed insertion is tried only for symmetric costs.
struct OrOptSearch: TourMoveSearch {
    private let context: SearchContext
    /// `true` for symmetric costs (allows reversed insertion).
    let symmetric: Bool
    /// Longest segment moved.
    let maxLength: Int

    init(context: SearchContext, symmetric: Bool, maxLength: Int = 3) {
        self.context = context
        self.symmetric = symmetric
        self.maxLength = maxLength
    }

    mutating func improve(from v: Int32, tour: ArrayTour, activating queue: inout ActiveQueue) -> Int {
        guard let (move, gain) = bestMove(at: v, tour: tour) else { return 0 }
        let x = tour.prev(move.first), y = tour.next(move.last), q = tour.next(move.p)
        move.apply(to: tour)
        for node in [x, move.first, move.last, y, move.p, q] { queue.push(node) }
        return gain
    }

    /// The best improving Or-opt move of a segment with an end at `v`, with its gain.
    func bestMove(at v: Int32, tour: ArrayTour) -> (OrOptMove, Int)? {
        let n = tour.n
        var best: (OrOptMove, Int)? = nil
        var last = v
        var first = v
        for length in 1...max(1, maxLength) where length + 3 <= n {
            if length > 1 {
                last = tour.next(last)
                first = tour.prev(first)
            }
            consider(first: v, last: last, length: length, tour: tour, best: &best)
            if length > 1 { consider(first: first, last: v, length: length, tour: tour, best: &best) }
        }
        return best
    }

    /// Updates `best` with the insertions of segment `[first…last]`.
    @inline(__always)
    private func consider(first: Int32, last: Int32, length: Int, tour: ArrayTour, best: inout (OrOptMove, Int)?) {
        let costs = context.costs
        let k = context.k
        let x = tour.prev(first), y = tour.next(last)
        let removal = costs[x, first] &+ costs[last, y] &- costs[x, y]
        guard removal > 0 else { return }
        var bestGain = best?.1 ?? 0
        @inline(__always) func offer(_ p: Int32, _ reversed: Bool) {
            if p == x || tour.distance(from: first, to: p) < length { return }
            let q = tour.next(p)
            let added = reversed
                ? costs[p, last] &+ costs[first, q] &- costs[p, q]
                : costs[p, first] &+ costs[last, q] &- costs[p, q]
            let gain = removal &- added
            if gain > bestGain {
                bestGain = gain
                best = (OrOptMove(first: first, last: last, p: p, reversed: reversed), gain)
            }
        }
        // Forward insertion p → first … last → q.
        let into = context.incoming + Int(first) * k
        for r in 0..<k {
            let p = into[r]
            if costs[p, first] >= removal { break }
            offer(p, false)
        }
        let out = context.outgoing + Int(last) * k
        for r in 0..<k {
            let q = out[r]
            if costs[last, q] >= removal { break }
            offer(tour.prev(q), false)
        }
        guard symmetric else { return }
        // Reversed insertion p → last … first → q (symmetric lists: outgoing == incoming).
        let nearLast = context.outgoing + Int(last) * k
        for r in 0..<k {
            let p = nearLast[r]
            if costs[p, last] >= removal { break }
            offer(p, true)
        }
        let nearFirst = context.outgoing + Int(first) * k
        for r in 0..<k {
            let q = nearFirst[r]
            if costs[first, q] >= removal { break }
            offer(tour.prev(q), true)
        }
    }
}
