/// Relocate (`length == 1`) and Or-opt (`length` 2–3): moves the segment of `length` customers
/// that starts at `u` to just after `v`, keeping its direction; within a route or across routes.
///
/// `v` may be a customer or a route's start sentinel (insertion at the front of a route, or into
/// an empty route when the fleet allows another vehicle).
struct SegmentRelocate: RouteOperator {
    /// Customers moved together.
    let length: Int

    func supports(_ data: CVRPData) -> Bool { data.customers.count > length }

    func delta(_ u: Int32, _ v: Int32, in state: RouteState) -> Int? {
        let data = state.data
        guard state.hasSegment(from: u, length: length) else { return nil }
        let targetRoute = Int(state.routeOf[Int(v)])
        guard targetRoute >= 0, Int(v) < data.dimension + data.routeSlots else { return nil }  // not an end
        let sourceRoute = Int(state.routeOf[Int(u)])
        let b = state.advance(u, by: length - 1)
        let p = state.prev[Int(u)], afterSegment = state.next[Int(b)]
        if sourceRoute == targetRoute {
            let pv = state.position[Int(v)], pu = state.position[Int(u)]
            if pv >= pu - 1 && pv <= pu + Int32(length) - 1 { return nil }
        } else {
            let load = Int(state.routeLoad[targetRoute]) + state.segmentLoad(u, b)
            guard load <= data.capacity else { return nil }
            if state.routeSize[targetRoute] == 0 && state.usedRoutes >= data.vehicleLimit { return nil }
        }
        let w = state.next[Int(v)]
        return data.d(p, afterSegment) - data.d(p, u) - data.d(b, afterSegment)
            + data.d(v, u) + data.d(b, w) - data.d(v, w)
    }

    func apply(_ u: Int32, _ v: Int32, to state: RouteState) {
        guard let change = delta(u, v, in: state) else { return }
        let sourceRoute = Int(state.routeOf[Int(u)]), targetRoute = Int(state.routeOf[Int(v)])
        let b = state.advance(u, by: length - 1)
        let p = state.prev[Int(u)], afterSegment = state.next[Int(b)]
        let w = state.next[Int(v)]
        state.link(p, afterSegment)
        state.link(v, u)
        state.link(b, w)
        state.finishMove(sourceRoute, targetRoute, delta: change)
    }
}
