import RoutingCore

/// One thread's share of ``TourHeuristicSolver``: local search from the start tour, then the
/// iterated local search until the deadline or its iteration share.
struct TourWorker {
    let instance: Instance
    let lists: CandidateLists
    let symmetric: Bool

    /// What a worker returns.
    struct Result: Sendable {
        var tour: [Int]
        var cost: Int
        var iterations: Int
        var improvements: Int
    }

    func run<G: RandomNumberGenerator>(from start: [Int], deadline: Deadline, iterationLimit: Int?,
                                       using rng: inout G) -> Result {
        SearchContext.with(instance.distances, lists) { context in
            if symmetric {
                let search = TourLocalSearch(primary: LinKernighanSearch(context: context),
                                             secondary: OrOptSearch(context: context, symmetric: true))
                return optimise(start, search, context, deadline, iterationLimit, &rng)
            }
            let search = TourLocalSearch(primary: SegmentExchangeSearch(context: context),
                                         secondary: OrOptSearch(context: context, symmetric: false))
            return optimise(start, search, context, deadline, iterationLimit, &rng)
        }
    }

    private func optimise<P, S, G: RandomNumberGenerator>(
        _ start: [Int], _ search: TourLocalSearch<P, S>, _ context: SearchContext, _ deadline: Deadline,
        _ iterationLimit: Int?, _ rng: inout G
    ) -> Result {
        let tour = ArrayTour(start)
        var search = search
        var queue = ActiveQueue(n: tour.n)
        queue.pushAll(tour)
        let initial = context.costs.tourCost(UnsafeBufferPointer(start: tour.order, count: tour.n))
        let optimised = initial - search.optimise(tour, queue: &queue, until: deadline)
        var ils = IteratedLocalSearch(search: search, kick: DoubleBridgeKick(), costs: context.costs)
        let outcome = ils.run(tour, cost: optimised, deadline: deadline, iterationLimit: iterationLimit, using: &rng)
        return Result(tour: tour.nodes, cost: outcome.cost, iterations: outcome.iterations,
                      improvements: outcome.improvements)
    }
}
