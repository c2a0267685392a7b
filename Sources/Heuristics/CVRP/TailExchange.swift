/// 2-opt* (inter-route tail exchange): cuts `u`'s route just before `u` and `v`'s route just after
/// `v`, then joins `v → u`, so `v`'s route continues with `u`'s tail and `u`'s head continues with
/// `v`'s old tail. Tails keep their direction, so the move is exact on asymmetric matrices.
struct TailExchange: RouteOperator {
    func supports(_ data: CVRPData) -> Bool { data.routeSlots >= 2 }

    func delta(_ u: Int32, _ v: Int32, in state: RouteState) -> Int? {
        let data = state.data
        guard state.isCustomer(u) else { return nil }
        let uRoute = Int(state.routeOf[Int(u)]), vRoute = Int(state.routeOf[Int(v)])
        guard uRoute >= 0, vRoute >= 0, uRoute != vRoute,
              Int(v) < data.dimension + data.routeSlots else { return nil }  // v is not an end sentinel
        let pu = state.prev[Int(u)], nv = state.next[Int(v)]
        if state.routeSize[vRoute] == 0 && state.isCustomer(pu) && state.usedRoutes >= data.vehicleLimit {
            return nil  // would open a vehicle the fleet does not have
        }
        let headU = Int(state.loadPrefix[Int(pu)]), headV = Int(state.loadPrefix[Int(v)])
        guard headV + Int(state.routeLoad[uRoute]) - headU <= data.capacity,
              headU + Int(state.routeLoad[vRoute]) - headV <= data.capacity else { return nil }
        return data.d(v, u) + data.d(pu, nv) - data.d(pu, u) - data.d(v, nv)
    }

    func apply(_ u: Int32, _ v: Int32, to state: RouteState) {
        guard let change = delta(u, v, in: state) else { return }
        let data = state.data
        let uRoute = Int(state.routeOf[Int(u)]), vRoute = Int(state.routeOf[Int(v)])
        let uEnd = data.end(uRoute), vEnd = data.end(vRoute)
        let pu = state.prev[Int(u)], nv = state.next[Int(v)]
        let uLast = state.prev[Int(uEnd)], vLast = state.prev[Int(vEnd)]
        state.link(v, u)
        state.link(uLast, vEnd)
        if nv == vEnd {
            state.link(pu, uEnd)
        } else {
            state.link(pu, nv)
            state.link(vLast, uEnd)
        }
        state.finishMove(uRoute, vRoute, delta: change)
    }
}
