/// The 2-opt move for symmetric costs: remove edges `{t1,t2}` and `{t3,t4}`, add `{t2,t3}` and
/// `{t4,t1}` — the path between them is reversed.
///
/// Node roles follow Lin–Kernighan: in the orientation where `t2` follows `t1`, `t4` precedes `t3`
/// (`t1 → t2 … t4 → t3`). It is also the single step of ``LinKernighanSearch``.
struct TwoOptMove {
    let t1: Int32
    let t2: Int32
    let t3: Int32
    let t4: Int32

    /// `true` when the roles fit the current tour (see the type's description).
    func isValid(in tour: ArrayTour) -> Bool {
        let forward = tour.next(t1) == t2
        guard forward || tour.prev(t1) == t2 else { return false }
        return tour.succ(t4, forward: forward) == t3 && t3 != t1 && t3 != t2 && t4 != t2
    }

    /// Cost change of applying the move (negative is an improvement); symmetric costs.
    func delta(_ costs: CostView) -> Int {
        costs[t2, t3] &+ costs[t4, t1] &- costs[t1, t2] &- costs[t3, t4]
    }

    /// Applies the move by reversing the shorter side.
    @inline(__always)
    func apply(to tour: ArrayTour) {
        if tour.next(t1) == t2 {
            tour.reverse(from: Int(tour.position[Int(t2)]), to: Int(tour.position[Int(t4)]))
        } else {
            tour.reverse(from: Int(tour.position[Int(t4)]), to: Int(tour.position[Int(t2)]))
        }
    }
}
