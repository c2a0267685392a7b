/// Swap (`1, 1`) and cross-exchange (longer segments): exchanges the `firstLength` customers that
/// start at `u` with the `secondLength` customers that start at `v`, both kept in direction.
/// The two segments must lie in different routes.
struct SegmentExchange: RouteOperator {
    let firstLength: Int
    let secondLength: Int

    func supports(_ data: CVRPData) -> Bool { data.customers.count >= firstLength + secondLength }

    func delta(_ u: Int32, _ v: Int32, in state: RouteState) -> Int? {
        let data = state.data
        guard state.hasSegment(from: u, length: firstLength),
              state.hasSegment(from: v, length: secondLength) else { return nil }
        let firstRoute = Int(state.routeOf[Int(u)]), secondRoute = Int(state.routeOf[Int(v)])
        guard firstRoute != secondRoute else { return nil }
        let b1 = state.advance(u, by: firstLength - 1), b2 = state.advance(v, by: secondLength - 1)
        let firstLoad = state.segmentLoad(u, b1), secondLoad = state.segmentLoad(v, b2)
        guard Int(state.routeLoad[firstRoute]) - firstLoad + secondLoad <= data.capacity,
              Int(state.routeLoad[secondRoute]) - secondLoad + firstLoad <= data.capacity else { return nil }
        let p1 = state.prev[Int(u)], n1 = state.next[Int(b1)]
        let p2 = state.prev[Int(v)], n2 = state.next[Int(b2)]
        return data.d(p1, v) + data.d(b2, n1) + data.d(p2, u) + data.d(b1, n2)
            - data.d(p1, u) - data.d(b1, n1) - data.d(p2, v) - data.d(b2, n2)
    }

    func apply(_ u: Int32, _ v: Int32, to state: RouteState) {
        guard let change = delta(u, v, in: state) else { return }
        let firstRoute = Int(state.routeOf[Int(u)]), secondRoute = Int(state.routeOf[Int(v)])
        let b1 = state.advance(u, by: firstLength - 1), b2 = state.advance(v, by: secondLength - 1)
        let p1 = state.prev[Int(u)], n1 = state.next[Int(b1)]
        let p2 = state.prev[Int(v)], n2 = state.next[Int(b2)]
        state.link(p1, v)
        state.link(b2, n1)
        state.link(p2, u)
        state.link(b1, n2)
        state.finishMove(firstRoute, secondRoute, delta: change)
    }
}
