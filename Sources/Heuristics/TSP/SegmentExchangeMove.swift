/// The orientation-preserving 3-opt move ("or-3opt", segment exchange): with `a`, `b`, `c` in
/// forward tour order, remove the arcs leaving them and reconnect `a → next(b)`, `c → next(a)`,
/// `b → next(c)`. The segments `[next(a)…b]` and `[next(b)…c]` swap places without reversal, so
/// the move is exact for asymmetric costs. Or-opt and the double-bridge kick are special cases.
struct SegmentExchangeMove {
    let a: Int32
    let b: Int32
    let c: Int32

    /// `true` when `a`, `b`, `c` are distinct and in forward order starting at `a`.
    func isValid(in tour: ArrayTour) -> Bool {
        let rb = tour.distance(from: a, to: b)
        let rc = tour.distance(from: a, to: c)
        return rb > 0 && rc > rb
    }

    /// Cost change of applying the move (negative is an improvement), directed costs.
    func delta(in tour: ArrayTour, _ costs: CostView) -> Int {
        let a1 = tour.next(a), b1 = tour.next(b), c1 = tour.next(c)
        return costs[a, b1] &+ costs[c, a1] &+ costs[b, c1] &- costs[a, a1] &- costs[b, b1] &- costs[c, c1]
    }

    /// Applies the move, moving the two shortest of the three segments.
    func apply(to tour: ArrayTour) {
        tour.rotateSegments(firstStart: tour.next(a), secondStart: tour.next(b), thirdStart: tour.next(c))
    }
}
