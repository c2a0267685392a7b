import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct TSPEnvironmentTests {
    /// On seeded random partial tours the mask equals RoutingCore's allowed actions, and the finished
    /// tours pass the Evaluator with the float length matching its cost.
    @Test func masksAgreeWithConstructionStateAndToursEvaluate() throws {
        var rng = SeededGenerator(seed: 3)
        let batch = ProblemBatch.randomTSP(count: 5, nodes: 9, using: &rng)
        let environment = TSPEnvironment(batch: batch)
        var states = (0..<batch.count).map { ConstructionState(instance: batch.instance(at: $0)) }
        while !environment.isFinished {
            for row in 0..<batch.count {
                let allowed = states[row].allowedActions(demands: batch.instance(at: row).demands)
                #expect((0..<batch.nodes).map { environment.isAllowed(row: row, node: $0) } == allowed)
            }
            let actions = states.map { state -> Int32 in
                let allowed = state.allowedActions(demands: [Int](repeating: 0, count: batch.nodes))
                let choices = allowed.indices.filter { allowed[$0] }
                return Int32(choices[Int(rng.next() % UInt64(choices.count))])
            }
            environment.step(actions)
            for row in states.indices { states[row] = states[row].applying(Int(actions[row]), demands: []) }
        }
        for row in 0..<batch.count {
            let instance = batch.instance(at: row)
            let cost = try Evaluator.evaluate(try #require(environment.solution(row: row)), in: instance)
            #expect(abs(Double(environment.lengths[row]) - Double(cost) / ProblemBatch.instanceScale) < 1e-3)
            #expect(environment.solution(row: row) == states[row].solution)
        }
    }

    /// Several rollouts per instance share that instance's coordinates.
    @Test func rolloutsShareTheirInstance() {
        var rng = SeededGenerator(seed: 4)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: 4, using: &rng)
        let environment = TSPEnvironment(batch: batch, rolloutsPerInstance: 4)
        // Row r starts at node r % 4 and walks the cycle 0-1-2-3 from there.
        for step in 0..<4 { environment.step((0..<8).map { Int32(($0 % 4 + step) % 4) }) }
        // Every rotation of one cyclic order has the same length.
        #expect(abs(environment.lengths[0] - environment.lengths[3]) < 1e-5)
        #expect(abs(environment.lengths[4] - environment.lengths[7]) < 1e-5)
        #expect(abs(environment.lengths[0] - environment.lengths[4]) > 1e-6)
    }
}
