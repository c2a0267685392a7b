/// One local-search move family on a ``RouteState`` (PyVRP style): price a move in O(1) from the
/// route caches, apply it, and say whether the family is useful for an instance.
///
/// A move is named by two ids `(u, v)`, usually a customer and one of its granular neighbours; each
/// operator documents what the pair means. Costs are always priced on the directed matrix, so every
/// operator is exact for asymmetric instances too.
protocol RouteOperator {
    /// `true` when this operator can ever produce a move on `data`.
    func supports(_ data: CVRPData) -> Bool
    /// The exact cost change of the move `(u, v)`, or `nil` when the move is not defined or would
    /// break capacity or the fleet size.
    func delta(_ u: Int32, _ v: Int32, in state: RouteState) -> Int?
    /// Performs the move `(u, v)`; call only after ``delta(_:_:in:)`` returned a value.
    func apply(_ u: Int32, _ v: Int32, to state: RouteState)
}

extension RouteState {
    /// The id `steps` links after `id`.
    @inline(__always)
    func advance(_ id: Int32, by steps: Int) -> Int32 {
        var id = id
        for _ in 0..<steps { id = next[Int(id)] }
        return id
    }

    /// `true` when the `length` customers starting at customer `u` all lie in its route.
    @inline(__always)
    func hasSegment(from u: Int32, length: Int) -> Bool {
        let r = routeOf[Int(u)]
        return isCustomer(u) && r >= 0 && Int(position[Int(u)]) + length - 1 <= Int(routeSize[Int(r)])
    }

    /// Load of the segment from customer `a` to customer `b` (same route, `a` first).
    @inline(__always)
    func segmentLoad(_ a: Int32, _ b: Int32) -> Int {
        Int(loadPrefix[Int(b)] - loadPrefix[Int(prev[Int(a)])])
    }

    /// Refreshes the caches of the routes a move touched, adds `delta` to ``cost`` and updates
    /// ``usedRoutes``.
    func finishMove(_ first: Int, _ second: Int, delta: Int) {
        let before = (routeSize[first] > 0 ? 1 : 0) + (first != second && routeSize[second] > 0 ? 1 : 0)
        refresh(route: first)
        if second != first { refresh(route: second) }
        let after = (routeSize[first] > 0 ? 1 : 0) + (first != second && routeSize[second] > 0 ? 1 : 0)
        usedRoutes += after - before
        cost += delta
    }
}
