import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct CVRPEnvironmentTests {
    /// On seeded random partial solutions the mask equals RoutingCore's allowed actions (visited
    /// customers, demand above the remaining capacity, no depot twice in a row), finished rows allow only
    /// the depot, and the routes pass the Evaluator with matching cost.
    @Test(arguments: [UInt64(5), 6, 7])
    func masksAgreeWithConstructionState(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let batch = ProblemBatch.randomCVRP(count: 4, customers: 10, using: &rng)
        let instances = (0..<batch.count).map { batch.instance(at: $0) }
        let environment = CVRPEnvironment(batch: batch)
        var states = instances.map { ConstructionState(instance: $0) }
        var steps = 0
        while !environment.isFinished {
            var actions = [Int32]()
            for row in 0..<batch.count {
                let mask = (0..<batch.nodes).map { environment.isAllowed(row: row, node: $0) }
                if states[row].isTerminal {
                    #expect(mask == (0..<batch.nodes).map { $0 == 0 })
                    actions.append(0)
                    continue
                }
                let allowed = states[row].allowedActions(demands: instances[row].demands)
                #expect(mask == allowed)
                #expect(Int(environment.remainingCapacity[row]) == states[row].remainingCapacity)
                let choices = allowed.indices.filter { allowed[$0] }
                let choice = choices[Int(rng.next() % UInt64(choices.count))]
                actions.append(Int32(choice))
                states[row] = states[row].applying(choice, demands: instances[row].demands)
            }
            environment.step(actions)
            steps += 1
        }
        #expect(steps >= batch.nodes)
        for row in 0..<batch.count {
            let solution = try #require(environment.solution(row: row))
            #expect(solution == states[row].solution)
            let cost = try Evaluator.evaluate(solution, in: instances[row])
            #expect(abs(Double(environment.lengths[row]) - Double(cost) / ProblemBatch.instanceScale) < 1e-3)
        }
    }
}
