import RoutingCore

/// One worker of the anytime improvement loop: kick the current tour with a
/// ``DoubleBridgeKick``, re-optimise from the kicked nodes only, and keep the result if it is no
/// worse than the current tour or within ``tolerance`` of the best one (record-to-record travel,
/// which keeps long runs from stalling in one deep local optimum); otherwise undo it through the
/// tour's journal. The best tour is kept aside and restored at the end.
struct IteratedLocalSearch<Primary: TourMoveSearch, Secondary: TourMoveSearch> {
    var search: TourLocalSearch<Primary, Secondary>
    let kick: DoubleBridgeKick
    let costs: CostView
    /// Record-to-record acceptance: a worse tour is kept while it is within this fraction of the
    /// best cost (0 accepts only tours no worse than the current one). The default was tuned on
    /// TSPLIB instances of 300–1000 nodes.
    var tolerance: Double = 0.0003

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
        let best = ArrayTour(tour.nodes)
        var current = start
        let slack = Int(Double(start) * tolerance)
        tour.clearJournal()
        while !deadline.hasExpired {
            if let iterationLimit, outcome.iterations >= iterationLimit { break }
            outcome.iterations += 1
            let kicked = kick.apply(to: tour, costs: costs, using: &rng, activating: &queue)
            let candidate = current &+ kicked &- search.optimise(tour, queue: &queue, until: deadline)
            if candidate <= current || candidate < outcome.cost &+ slack {
                current = candidate
                tour.clearJournal()
                if candidate < outcome.cost {
                    outcome.improvements += 1
                    outcome.cost = candidate
                    best.copy(from: tour)
                }
            } else {
                tour.undo(to: 0)
            }
        }
        tour.clearJournal()
        if current != outcome.cost { tour.copy(from: best) }
        return outcome
    }
}
