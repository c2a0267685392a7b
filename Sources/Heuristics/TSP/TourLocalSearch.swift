/// Local search driven by don't-look bits: pops active nodes and tries the primary neighbourhood,
/// then the secondary one, until no active node remains (a local optimum of both).
struct TourLocalSearch<Primary: TourMoveSearch, Secondary: TourMoveSearch> {
    var primary: Primary
    var secondary: Secondary

    /// Improves `tour` from the nodes in `queue` until the queue is empty.
    /// - Returns: the total cost decrease.
    mutating func optimise(_ tour: ArrayTour, queue: inout ActiveQueue) -> Int {
        var total = 0
        while !queue.isEmpty {
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
