import Foundation
import RoutingCore

/// One worker of the anytime improvement loop: ruin-and-recreate steps accepted by simulated
/// annealing (temperature falling geometrically over the budget), with local search applied to
/// every candidate that beats the best solution found so far.
///
/// Unassigned customers (possible only with a limited fleet) cost a penalty larger than any
/// route, so the search first makes the solution complete and only complete solutions become best.
final class AnnealingSearch {
    /// What a worker hands back.
    struct Outcome: Sendable {
        var routes: [[Int]]?
        var cost: Int
        var iterations: Int
        var improvements: Int
        var localSearchMoves: Int
    }

    let data: CVRPData
    /// Start and end temperature as fractions of the average edge cost of the first solution.
    /// (0.6 → 0.006 measured best of 0.15 / 0.3 / 0.6 / 1.0 on a subset of X instances at 10 s.)
    var startTemperature = 0.6
    var endTemperature = 0.006

    private var random: FastRandom
    private let current: RouteState
    private let candidate: RouteState
    private let localSearch: LocalSearch
    private let ruinRecreate: RuinRecreate
    private let penalty: Int

    /// A worker starting from `routes` (customers left out are unassigned).
    init(data: CVRPData, routes: [[Int]], random: FastRandom) {
        self.data = data
        self.random = random
        current = RouteState(data: data, routes: routes)
        candidate = RouteState(data: data)
        localSearch = LocalSearch(data: data)
        ruinRecreate = RuinRecreate(data: data)
        var largest = 0
        for c in data.customers {
            largest = max(largest, data.d(Int32(data.depot), c) + data.d(c, Int32(data.depot)))
        }
        penalty = 2 * largest + 1
    }

    private func objective(_ state: RouteState) -> Int { state.cost + penalty * state.unassignedCount }

    /// Runs until `deadline` expires or `iterationLimit` steps are done.
    /// - Parameter timeLimit: the budget the temperature schedule spans when no iteration limit is set.
    func run(deadline: Deadline, timeLimit: Double, iterationLimit: Int?) -> Outcome {
        localSearch.run(current, random: &random, deadline: deadline)
        if current.unassignedCount > 0 {
            candidate.copy(from: current)
            ruinRecreate.step(candidate, random: &random)
            if objective(candidate) < objective(current) { current.copy(from: candidate) }
        }
        var outcome = Outcome(routes: nil, cost: .max, iterations: 0, improvements: 0, localSearchMoves: 0)
        var bestCost = Int.max
        if current.unassignedCount == 0 {
            bestCost = current.cost
            outcome.routes = current.routes
        }
        let edges = Double(max(1, data.customers.count + current.usedRoutes))
        let averageEdge = Double(max(1, current.cost)) / edges
        let hot = startTemperature * averageEdge, cold = endTemperature * averageEdge
        var currentObjective = objective(current)
        var iteration = 0
        while !deadline.hasExpired {
            if let iterationLimit, iteration >= iterationLimit { break }
            let progress = iterationLimit.map { Double(iteration) / Double(max(1, $0)) }
                ?? min(1, deadline.elapsed / max(timeLimit, 1e-9))
            let temperature = hot * pow(cold / hot, progress)
            iteration += 1

            candidate.copy(from: current)
            ruinRecreate.step(candidate, random: &random)
            if candidate.unassignedCount == 0 && candidate.cost < bestCost {
                localSearch.run(candidate, random: &random, deadline: deadline)
            }
            let candidateObjective = objective(candidate)
            let threshold = Double(currentObjective) - temperature * log(max(random.unit(), 1e-300))
            if Double(candidateObjective) < threshold {
                current.copy(from: candidate)
                currentObjective = candidateObjective
                if current.unassignedCount == 0 && current.cost < bestCost {
                    bestCost = current.cost
                    outcome.routes = current.routes
                    outcome.improvements += 1
                }
            }
        }
        outcome.cost = bestCost
        outcome.iterations = iteration
        outcome.localSearchMoves = localSearch.appliedMoves
        return outcome
    }
}
