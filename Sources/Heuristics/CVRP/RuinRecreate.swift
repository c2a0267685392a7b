/// Ruin and recreate in the SISR style (Christiaens & Vanden Berghe 2020, "Slack induction by
/// string removals"): remove a few strings (or split strings) of consecutive customers from routes
/// near a random seed customer, then reinsert every removed and unassigned customer greedily, each
/// at its cheapest position while skipping ("blinking" over) each position with a small probability.
///
/// A customer with no feasible position opens a new route when the fleet allows, and otherwise
/// stays unassigned; the caller penalises unassigned customers, which lets tight fleets be handled.
final class RuinRecreate {
    let data: CVRPData
    /// Average number of customers removed per ruin (c̄).
    var averageRemoved = 10.0
    /// Longest string removed from one route (L_max).
    var maximumString = 10.0
    /// Probability of the split-string variant, which keeps a middle part of the string in place.
    var splitRate = 0.5
    /// Probability of skipping a candidate insertion position.
    var blinkRate = 0.01

    private let pending: UnsafeMutablePointer<Int32>
    private var pendingCount = 0
    private let routeStamp: UnsafeMutablePointer<Int>
    private var stamp = 0
    private let touched: UnsafeMutablePointer<Int32>
    private var touchedCount = 0

    init(data: CVRPData) {
        self.data = data
        pending = .allocate(capacity: max(1, data.dimension))
        routeStamp = .allocate(capacity: data.routeSlots)
        routeStamp.initialize(repeating: 0, count: data.routeSlots)
        touched = .allocate(capacity: data.routeSlots)
    }

    deinit {
        pending.deallocate()
        routeStamp.deallocate()
        touched.deallocate()
    }

    /// One ruin-and-recreate step on `state`, whose route caches must be current; they are current
    /// again afterwards.
    func step(_ state: RouteState, random: inout FastRandom) {
        stamp += 1
        touchedCount = 0
        pendingCount = 0
        ruin(state, random: &random)
        if state.unassignedCount > pendingCount {
            pendingCount = 0
            for c in data.customers where state.routeOf[Int(c)] < 0 { pending[pendingCount] = c; pendingCount += 1 }
        }
        order(random: &random)
        recreate(state, random: &random)
        for index in 0..<touchedCount { state.refresh(route: Int(touched[index])) }
    }

    // MARK: - Ruin

    private func ruin(_ state: RouteState, random: inout FastRandom) {
        let assigned = data.customers.count - state.unassignedCount
        guard assigned > 0, state.usedRoutes > 0 else { return }
        let averageSize = Double(assigned) / Double(state.usedRoutes)
        let stringLimit = min(maximumString, averageSize)
        let stringsLimit = 4 * averageRemoved / (1 + stringLimit) - 1
        let strings = Int(random.unit() * stringsLimit) + 1
        var seed = data.customers[random.below(data.customers.count)]
        while state.routeOf[Int(seed)] < 0 { seed = data.customers[random.below(data.customers.count)] }
        var ruined = 0
        var k = -1
        while ruined < strings && k < data.adjacencySize {
            let c = k < 0 ? seed : data.adjacency[Int(seed) * data.adjacencySize + k]
            k += 1
            let route = Int(state.routeOf[Int(c)])
            guard route >= 0, routeStamp[route] != stamp else { continue }
            let size = Int(state.routeSize[route])
            let length = Int(random.unit() * min(stringLimit, Double(size))) + 1
            markTouched(route)
            if random.unit() < splitRate && length < size {
                removeSplitString(containing: c, length: length, size: size, state, random: &random)
            } else {
                removeString(containing: c, length: length, kept: 0, size: size, state, random: &random)
            }
            ruined += 1
        }
    }

    /// Removes `length` customers out of a window of `length + kept` consecutive customers that
    /// contains `c`, keeping a run of `kept` customers inside the window in place.
    private func removeString(containing c: Int32, length: Int, kept: Int, size: Int, _ state: RouteState,
                              random: inout FastRandom) {
        let window = length + kept
        let position = Int(state.position[Int(c)])
        let lowest = max(1, position - window + 1), highest = min(position, size - window + 1)
        let first = lowest + random.below(highest - lowest + 1)
        let keptFrom = kept > 0 ? random.below(length + 1) : 0
        var id = state.advance(data.start(Int(state.routeOf[Int(c)])), by: first)
        for index in 0..<window {
            let following = state.next[Int(id)]
            if index < keptFrom || index >= keptFrom + kept {
                state.remove(id)
                pending[pendingCount] = id
                pendingCount += 1
            }
            id = following
        }
    }

    /// The split-string variant: the kept run grows while a coin says so (and the route allows).
    private func removeSplitString(containing c: Int32, length: Int, size: Int, _ state: RouteState,
                                   random: inout FastRandom) {
        var kept = 1
        while length + kept < size && random.unit() < 0.5 { kept += 1 }
        removeString(containing: c, length: length, kept: kept, size: size, state, random: &random)
    }

    // MARK: - Recreate

    /// Sorts the pending customers: random, by decreasing demand, far from the depot first or
    /// near first, with weights 4 : 4 : 2 : 1 as in SISR.
    private func order(random: inout FastRandom) {
        var buffer = UnsafeMutableBufferPointer(start: pending, count: pendingCount)
        for index in stride(from: pendingCount - 1, to: 0, by: -1) {
            buffer.swapAt(index, random.below(index + 1))
        }
        let depot = Int32(data.depot)
        switch random.below(11) {
        case 0..<4: break
        case 4..<8: buffer.sort { data.demands[Int($0)] > data.demands[Int($1)] }
        case 8..<10: buffer.sort { data.d(depot, $0) > data.d(depot, $1) }
        default: buffer.sort { data.d(depot, $0) < data.d(depot, $1) }
        }
    }

    private func recreate(_ state: RouteState, random: inout FastRandom) {
        let skip = UInt64(blinkRate * 0x1p64)
        for index in 0..<pendingCount {
            let c = pending[index]
            let demand = data.demands[Int(c)]
            var bestCost = Int.max
            var bestAfter: Int32 = -1
            for r in 0..<data.routeSlots where state.routeSize[r] > 0 && Int(state.routeLoad[r]) + Int(demand) <= Int(data.capacity) {
                var id = data.start(r)
                while true {
                    let following = state.next[Int(id)]
                    if random.next() >= skip {
                        let cost = data.d(id, c) + data.d(c, following) - data.d(id, following)
                        if cost < bestCost { bestCost = cost; bestAfter = id }
                    }
                    if !state.isCustomer(following) { break }
                    id = following
                }
            }
            if state.usedRoutes < data.vehicleLimit, let empty = state.emptyRoute() {
                let start = data.start(empty)
                if bestAfter < 0 || data.d(start, c) + data.d(c, start) < bestCost { bestAfter = start }
            }
            guard bestAfter >= 0 else { continue }
            markTouched(Int(state.routeOf[Int(bestAfter)]))
            state.insert(c, after: bestAfter)
        }
    }

    private func markTouched(_ route: Int) {
        guard routeStamp[route] != stamp else { return }
        routeStamp[route] = stamp
        touched[touchedCount] = Int32(route)
        touchedCount += 1
    }
}
