/// Or-opt: move the segment `[first…last]` (forward tour order) between `p` and `next(p)`,
/// optionally reversed.
///
/// Without reversal the move keeps every arc's direction (valid for asymmetric costs); reversal is
/// for symmetric costs only, where it is free.
struct OrOptMove {
    let first: Int32
    let last: Int32
    /// The node the segment is inserted after; not in the segment and not `prev(first)`.
    let p: Int32
    /// Insert the segment reversed (`p → last … first → next(p)`). Symmetric costs only.
    let reversed: Bool

    /// `true` when the segment and insertion point fit the current tour.
    func isValid(in tour: ArrayTour) -> Bool {
        let length = tour.distance(from: first, to: last) + 1
        guard length < tour.n - 1 else { return false }
        return tour.distance(from: first, to: p) >= length && p != tour.prev(first)
    }

    /// Cost change of applying the move (negative is an improvement); for a reversed move the
    /// segment's inner arcs are counted both ways, so it is exact for any matrix.
    func delta(in tour: ArrayTour, _ costs: CostView) -> Int {
        let x = tour.prev(first), y = tour.next(last), q = tour.next(p)
        var change = costs[x, y] &- costs[x, first] &- costs[last, y] &- costs[p, q]
        if reversed {
            change &+= costs[p, last] &+ costs[first, q]
            var v = first
            while v != last {
                let w = tour.next(v)
                change &+= costs[w, v] &- costs[v, w]
                v = w
            }
        } else {
            change &+= costs[p, first] &+ costs[last, q]
        }
        return change
    }

    /// Applies the move.
    func apply(to tour: ArrayTour) {
        // Segments S = [first…last], M = [y…p], R = [q…x] become S R M ≡ M S R.
        tour.rotateSegments(firstStart: first, secondStart: tour.next(last), thirdStart: tour.next(p))
        if reversed {
            tour.reverse(from: Int(tour.position[Int(first)]), to: Int(tour.position[Int(last)]))
        }
    }
}
