import RoutingCore

/// One worker of the anytime improvement loop: kick the current tour with a
/// ``DoubleBridgeKick``, re-optimise from the kicked nodes only, keep the result if it is no worse,
/// otherwise undo it through the tour's journal.
struct IteratedLocalSearch<Primary: TourMoveSearch, Secondary: TourMoveSearch> {
    var search: TourLocalSearch<Primary, Secondary>
    let kick: DoubleBridgeKick
    let costs: CostView

    /// What a run reports.
    struct Outcome {
        var cost: Int
        var iterations: Int
        var improvements: Int
    }

    /// Runs until `deadline` or `iterationLimit` kicks, starting from a local optimum in `tour`
    /// whose cost is `cost`. The tour is left at the best tour found.
    mutating func run<G: RandomNumberGenerator>(_ tour: ArrayTour, cost start: Int, deadline: Deadline,
                                                iterationLimit: Int?, using rng: inout G) -> Outcome {
        var outcome = Outcome(cost: start, iterations: 0, improvements: 0)
        guard tour.n >= 5 else { return outcome }
        var queue = ActiveQueue(n: tour.n)
        tour.clearJournal()
        while !deadline.hasExpired {
            if let iterationLimit, outcome.iterations >= iterationLimit { break }
            outcome.iterations += 1
            let kicked = kick.apply(to: tour, costs: costs, using: &rng, activating: &queue)
            let candidate = outcome.cost &+ kicked &- search.optimise(tour, queue: &queue, until: deadline)
            if candidate <= outcome.cost {
                if candidate < outcome.cost { outcome.improvements += 1 }
                outcome.cost = candidate
                tour.clearJournal()
            } else {
                tour.undo(to: 0)
            }
        }
        tour.clearJournal()
        return outcome
    }
}
