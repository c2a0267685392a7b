import RoutingCore

/// A CVRP solution as doubly linked routes with per-route prefix caches, so that every
/// local-search move is priced in O(1) and applied in O(route length).
///
/// Route slot `r` runs from the start sentinel `data.start(r)` to the end sentinel `data.end(r)`;
/// customers keep their instance node number as id. A customer outside every route is
/// *unassigned* (`routeOf == -1`), which the ruin-and-recreate search uses for tight fleets.
/// Buffers are manually owned `let` pointers: no exclusivity checks or copies in hot loops.
final class RouteState {
    let data: CVRPData
    /// Successor and predecessor ids.
    let next: UnsafeMutablePointer<Int32>
    let prev: UnsafeMutablePointer<Int32>
    /// Route slot of every id, `-1` for unassigned customers.
    let routeOf: UnsafeMutablePointer<Int32>
    /// Index within the route: 0 for the start sentinel, customers 1…size, size + 1 for the end.
    let position: UnsafeMutablePointer<Int32>
    /// Load from the route start up to and including the id.
    let loadPrefix: UnsafeMutablePointer<Int32>
    /// Driving cost from the route start to the id.
    let costPrefix: UnsafeMutablePointer<Int>
    /// Cost of the same edges driven backwards (`Σ d(b, a)` over edges `a → b` up to the id):
    /// prices a reversed segment on a directed matrix.
    let reversePrefix: UnsafeMutablePointer<Int>
    /// Load and number of customers of every route slot.
    let routeLoad: UnsafeMutablePointer<Int32>
    let routeSize: UnsafeMutablePointer<Int32>
    /// Total driving cost of all routes.
    var cost: Int = 0
    /// Number of non-empty routes.
    var usedRoutes: Int = 0
    /// Number of customers outside every route.
    var unassignedCount: Int

    /// An empty state: every route slot empty, every customer unassigned.
    init(data: CVRPData) {
        self.data = data
        let ids = data.idCount, slots = data.routeSlots
        next = .allocate(capacity: ids)
        prev = .allocate(capacity: ids)
        routeOf = .allocate(capacity: ids)
        position = .allocate(capacity: ids)
        loadPrefix = .allocate(capacity: ids)
        costPrefix = .allocate(capacity: ids)
        reversePrefix = .allocate(capacity: ids)
        routeLoad = .allocate(capacity: slots)
        routeSize = .allocate(capacity: slots)
        next.initialize(repeating: -1, count: ids)
        prev.initialize(repeating: -1, count: ids)
        routeOf.initialize(repeating: -1, count: ids)
        position.initialize(repeating: 0, count: ids)
        loadPrefix.initialize(repeating: 0, count: ids)
        costPrefix.initialize(repeating: 0, count: ids)
        reversePrefix.initialize(repeating: 0, count: ids)
        routeLoad.initialize(repeating: 0, count: slots)
        routeSize.initialize(repeating: 0, count: slots)
        unassignedCount = data.customers.count
        for r in 0..<slots {
            let s = data.start(r), e = data.end(r)
            next[Int(s)] = e
            prev[Int(e)] = s
            routeOf[Int(s)] = Int32(r)
            routeOf[Int(e)] = Int32(r)
            position[Int(e)] = 1
        }
    }

    /// A state holding `routes` (customer lists in driving order); customers not listed stay unassigned.
    /// - Precondition: at most `data.routeSlots` non-empty routes, each customer at most once.
    convenience init(data: CVRPData, routes: [[Int]]) {
        self.init(data: data)
        var slot = 0
        for route in routes where !route.isEmpty {
            var last = data.start(slot)
            for customer in route {
                link(last, Int32(customer))
                last = Int32(customer)
            }
            link(last, data.end(slot))
            unassignedCount -= route.count
            refresh(route: slot)
            slot += 1
        }
        recomputeTotals()
    }

    deinit {
        for buffer in [next, prev, routeOf, position, loadPrefix, routeLoad, routeSize] { buffer.deallocate() }
        costPrefix.deallocate()
        reversePrefix.deallocate()
    }

    /// Copies every field of `other` (same data) into this state.
    func copy(from other: RouteState) {
        let ids = data.idCount, slots = data.routeSlots
        next.update(from: other.next, count: ids)
        prev.update(from: other.prev, count: ids)
        routeOf.update(from: other.routeOf, count: ids)
        position.update(from: other.position, count: ids)
        loadPrefix.update(from: other.loadPrefix, count: ids)
        costPrefix.update(from: other.costPrefix, count: ids)
        reversePrefix.update(from: other.reversePrefix, count: ids)
        routeLoad.update(from: other.routeLoad, count: slots)
        routeSize.update(from: other.routeSize, count: slots)
        cost = other.cost
        usedRoutes = other.usedRoutes
        unassignedCount = other.unassignedCount
    }

    // MARK: - Queries

    /// `true` for customer ids (not sentinels).
    @inline(__always)
    func isCustomer(_ id: Int32) -> Bool { Int(id) < data.dimension }

    /// The non-empty routes as instance node lists in driving order.
    var routes: [[Int]] {
        (0..<data.routeSlots).compactMap { r in
            guard routeSize[r] > 0 else { return nil }
            var route: [Int] = []
            var id = next[Int(data.start(r))]
            while isCustomer(id) {
                route.append(Int(id))
                id = next[Int(id)]
            }
            return route
        }
    }

    /// The unassigned customers.
    var unassigned: [Int32] { data.customers.filter { routeOf[Int($0)] < 0 } }

    /// An empty route slot, or `nil` when every slot is used.
    func emptyRoute() -> Int? {
        guard usedRoutes < data.routeSlots else { return nil }
        for r in 0..<data.routeSlots where routeSize[r] == 0 { return r }
        return nil
    }

    // MARK: - Editing

    /// Joins `a → b`.
    @inline(__always)
    func link(_ a: Int32, _ b: Int32) {
        next[Int(a)] = b
        prev[Int(b)] = a
    }

    /// Recomputes positions, prefixes, load and size of route slot `r` in one walk.
    func refresh(route r: Int) {
        let slot = Int32(r)
        var id = data.start(r)
        var load: Int32 = 0, forward = 0, backward = 0, index: Int32 = 0
        routeOf[Int(id)] = slot
        position[Int(id)] = 0
        loadPrefix[Int(id)] = 0
        costPrefix[Int(id)] = 0
        reversePrefix[Int(id)] = 0
        while isCustomer(id) || index == 0 {
            let following = next[Int(id)]
            forward += data.d(id, following)
            backward += data.d(following, id)
            index += 1
            load += data.demands[Int(following)]
            routeOf[Int(following)] = slot
            position[Int(following)] = index
            loadPrefix[Int(following)] = load
            costPrefix[Int(following)] = forward
            reversePrefix[Int(following)] = backward
            id = following
        }
        routeLoad[r] = load
        routeSize[r] = index - 1
    }

    /// Recomputes ``cost`` and ``usedRoutes`` from the route caches.
    func recomputeTotals() {
        cost = 0
        usedRoutes = 0
        for r in 0..<data.routeSlots where routeSize[r] > 0 {
            cost += costPrefix[Int(data.end(r))]
            usedRoutes += 1
        }
    }

    /// Takes customer `c` out of its route, keeping ``cost``, load, size and the route count exact;
    /// positions and prefixes of that route are stale until ``refresh(route:)``.
    func remove(_ c: Int32) {
        let r = Int(routeOf[Int(c)])
        let p = prev[Int(c)], n = next[Int(c)]
        cost += data.d(p, n) - data.d(p, c) - data.d(c, n)
        link(p, n)
        routeOf[Int(c)] = -1
        routeLoad[r] -= data.demands[Int(c)]
        routeSize[r] -= 1
        if routeSize[r] == 0 { usedRoutes -= 1 }
        unassignedCount += 1
    }

    /// Puts unassigned customer `c` right after id `w`, keeping the same totals as ``remove(_:)``.
    func insert(_ c: Int32, after w: Int32) {
        let r = Int(routeOf[Int(w)])
        let n = next[Int(w)]
        cost += data.d(w, c) + data.d(c, n) - data.d(w, n)
        link(w, c)
        link(c, n)
        routeOf[Int(c)] = Int32(r)
        routeLoad[r] += data.demands[Int(c)]
        if routeSize[r] == 0 { usedRoutes += 1 }
        routeSize[r] += 1
        unassignedCount -= 1
    }
}
