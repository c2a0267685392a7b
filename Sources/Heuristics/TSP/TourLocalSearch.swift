import RoutingCore

/// Local search driven by don't-look bits: pops active nodes and tries the primary neighbourhood,
/// then the secondary one, until no active node remains (a local optimum of both) or the deadline
/// passes.
struct TourLocalSearch<Primary: TourMoveSearch, Secondary: TourMoveSearch> {
    var primary: Primary
    var secondary: Secondary

    /// Improves `tour` from the nodes in `queue` until the queue is empty or `deadline` passes
    /// (checked every 64 nodes).
    /// - Returns: the total cost decrease.
    mutating func optimise(_ tour: ArrayTour, queue: inout ActiveQueue, until deadline: Deadline? = nil) -> Int {
        var total = 0
        var popped = 0
        while !queue.isEmpty {
            popped &+= 1
            if popped & 63 == 0, let deadline, deadline.hasExpired { break }
            let v = queue.pop()
            let gain = primary.improve(from: v, tour: tour, activating: &queue)
            if gain > 0 {
                total &+= gain
                continue
            }
            total &+= secondary.improve(from: v, tour: tour, activating: &queue)
        }
        return total
    }
}
