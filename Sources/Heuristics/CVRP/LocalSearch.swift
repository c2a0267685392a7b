import RoutingCore

/// Granular local search over a ``RouteState``: for every customer `u` and each of its granular
/// neighbours `v`, tries relocate, Or-opt, swap, cross-exchange, 2-opt* and intra-route 2-opt moves
/// that put `u` next to `v`, applying the first improving one, until no move improves.
///
/// Don't-look bits are kept as timestamps (as in HGS): a pair `(u, v)` is looked at again only when
/// one of the two routes changed since `u` was last scanned.
final class LocalSearch {
    let data: CVRPData
    /// When each customer's neighbourhood was last scanned.
    private let lastScanned: UnsafeMutablePointer<Int>
    /// When each route slot last changed.
    private let routeChanged: UnsafeMutablePointer<Int>
    private let order: UnsafeMutablePointer<Int32>
    private var clock = 0
    /// Moves applied since creation.
    private(set) var appliedMoves = 0

    private let relocate = SegmentRelocate(length: 1)
    private let orOpt2 = SegmentRelocate(length: 2)
    private let orOpt3 = SegmentRelocate(length: 3)
    private let swap = SegmentExchange(firstLength: 1, secondLength: 1)
    private let cross21 = SegmentExchange(firstLength: 2, secondLength: 1)
    private let cross12 = SegmentExchange(firstLength: 1, secondLength: 2)
    private let cross22 = SegmentExchange(firstLength: 2, secondLength: 2)
    private let tails = TailExchange()
    private let reversal = IntraRouteReversal()

    init(data: CVRPData) {
        self.data = data
        lastScanned = .allocate(capacity: data.dimension)
        lastScanned.initialize(repeating: -1, count: data.dimension)
        routeChanged = .allocate(capacity: data.routeSlots)
        routeChanged.initialize(repeating: 0, count: data.routeSlots)
        order = .allocate(capacity: max(1, data.customers.count))
        for (index, customer) in data.customers.enumerated() { order[index] = customer }
    }

    deinit {
        lastScanned.deallocate()
        routeChanged.deallocate()
        order.deallocate()
    }

    /// Improves `state` until it is a local optimum of all operators (assigned customers only),
    /// or until `deadline` expires (checked once per customer scan; the state stays valid).
    func run(_ state: RouteState, random: inout FastRandom, deadline: Deadline? = nil) {
        let count = data.customers.count
        guard count > 1 else { return }
        clock += 1
        for r in 0..<data.routeSlots { routeChanged[r] = clock }
        for index in stride(from: count - 1, to: 0, by: -1) {
            let other = random.below(index + 1)
            let held = order[index]; order[index] = order[other]; order[other] = held
        }
        var improved = true
        while improved {
            improved = false
            for index in 0..<count {
                if let deadline, index & 63 == 0, deadline.hasExpired { return }
                let u = order[index]
                guard state.routeOf[Int(u)] >= 0 else { continue }
                let scannedAt = lastScanned[Int(u)]
                lastScanned[Int(u)] = clock
                let base = Int(u) * data.granularity
                for k in 0..<data.granularity {
                    let v = data.granular[base + k]
                    let uRoute = Int(state.routeOf[Int(u)]), vRoute = Int(state.routeOf[Int(v)])
                    guard vRoute >= 0, max(routeChanged[uRoute], routeChanged[vRoute]) > scannedAt else { continue }
                    if tryMoves(u, v, state) { improved = true }
                }
                if state.usedRoutes < data.vehicleLimit, routeChanged[Int(state.routeOf[Int(u)])] > scannedAt,
                   let empty = state.emptyRoute() {
                    let start = data.start(empty)
                    if let change = relocate.delta(u, start, in: state), change < 0 {
                        commit(relocate, u, start, state)
                        improved = true
                    }
                }
            }
        }
    }

    /// Tries every operator on the pair; applies the first improving move.
    private func tryMoves(_ u: Int32, _ v: Int32, _ state: RouteState) -> Bool {
        let pv = state.prev[Int(v)], nv = state.next[Int(v)]
        if improves(relocate, u, v, state) || improves(relocate, u, pv, state)
            || improves(orOpt2, u, v, state) || improves(orOpt3, u, v, state) { return true }
        if state.routeOf[Int(u)] != state.routeOf[Int(v)] {
            if improves(swap, u, v, state) || improves(tails, u, v, state) || improves(tails, v, u, state) {
                return true
            }
            if state.isCustomer(nv) {
                if improves(swap, u, nv, state) || improves(cross21, u, nv, state)
                    || improves(cross12, u, nv, state) || improves(cross22, u, nv, state) { return true }
            }
        } else {
            let (first, second) = state.position[Int(u)] < state.position[Int(v)] ? (u, v) : (v, u)
            if improves(reversal, first, second, state) || improves(reversal, state.prev[Int(first)], second, state) {
                return true
            }
        }
        return false
    }

    @inline(__always)
    private func improves<Move: RouteOperator>(_ move: Move, _ u: Int32, _ v: Int32, _ state: RouteState) -> Bool {
        guard let change = move.delta(u, v, in: state), change < 0 else { return false }
        commit(move, u, v, state)
        return true
    }

    private func commit<Move: RouteOperator>(_ move: Move, _ u: Int32, _ v: Int32, _ state: RouteState) {
        let first = Int(state.routeOf[Int(u)]), second = Int(state.routeOf[Int(v)])
        move.apply(u, v, to: state)
        clock += 1
        routeChanged[first] = clock
        routeChanged[second] = clock
        appliedMoves += 1
    }
}
