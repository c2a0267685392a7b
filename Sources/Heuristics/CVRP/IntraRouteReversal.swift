/// Intra-route 2-opt: with `u` before `v` in the same route, reverses the customers from `u`'s
/// successor to `v`, creating the edges `u → v` and `next(u) → next(v)`.
///
/// The reversed segment is priced on the directed matrix from the route's forward and backward
/// prefix costs, so the move is exact (and simply rarer) on asymmetric instances.
struct IntraRouteReversal: RouteOperator {
    func supports(_ data: CVRPData) -> Bool { data.customers.count >= 3 }

    func delta(_ u: Int32, _ v: Int32, in state: RouteState) -> Int? {
        let data = state.data
        let route = state.routeOf[Int(u)]
        guard route >= 0, route == state.routeOf[Int(v)], state.isCustomer(v),
              state.position[Int(u)] + 1 < state.position[Int(v)] else { return nil }
        let x = state.next[Int(u)], y = state.next[Int(v)]
        let forward = state.costPrefix[Int(v)] - state.costPrefix[Int(x)]
        let backward = state.reversePrefix[Int(v)] - state.reversePrefix[Int(x)]
        return data.d(u, v) + data.d(x, y) - data.d(u, x) - data.d(v, y) + backward - forward
    }

    func apply(_ u: Int32, _ v: Int32, to state: RouteState) {
        guard let change = delta(u, v, in: state) else { return }
        let route = Int(state.routeOf[Int(u)])
        let x = state.next[Int(u)], y = state.next[Int(v)]
        var id = x
        while true {
            let following = state.next[Int(id)]
            state.next[Int(id)] = state.prev[Int(id)]
            state.prev[Int(id)] = following
            if id == v { break }
            id = following
        }
        state.link(u, v)
        state.link(x, y)
        state.finishMove(route, route, delta: change)
    }
}
