import Testing
import RoutingCore
@testable import Policies

@Suite struct ProblemBatchSeededTests {
    /// Instance i of a seeded set does not depend on the set's size or the range asked for (CVRP demands
    /// included), and different seeds give different instances.
    @Test(arguments: [ProblemKind.tsp, .cvrp])
    func instancesDependOnlyOnSeedAndIndex(problem: ProblemKind) {
        let whole = ProblemBatch.seededSet(problem, size: 12, seed: 77, indices: 0..<10)
        let part = ProblemBatch.seededSet(problem, size: 12, seed: 77, indices: 6..<8)
        let n = whole.nodes
        #expect(Array(part.coordinates.scalars) == Array(whole.coordinates.scalars[(6 * n * 2)..<(8 * n * 2)]))
        #expect(part.demands == Array(whole.demands[(6 * n)..<(8 * n)]))
        let other = ProblemBatch.seededSet(problem, size: 12, seed: 78, indices: 6..<8)
        #expect(other.coordinates.scalars != part.coordinates.scalars)
    }

    /// CVRP sets follow Kool's generator: depot + customers, demands 1…9, capacity 20/30/40/50 for
    /// 10/20/50/100 customers; coordinates in [0, 1).
    @Test func cvrpDistribution() {
        for (customers, capacity) in [(10, 20), (20, 30), (50, 40), (100, 50)] {
            let set = ProblemBatch.seededSet(.cvrp, size: customers, seed: 3, indices: 0..<20)
            #expect(set.nodes == customers + 1 && set.capacity == capacity && set.size == customers)
            for instance in 0..<20 {
                #expect(set.demands[instance * set.nodes] == 0)
                for node in 1..<set.nodes { #expect((1...9).contains(set.demands[instance * set.nodes + node])) }
            }
            #expect(set.coordinates.scalars.allSatisfy { $0 >= 0 && $0 < 1 })
        }
    }

    /// Solution lengths: a TSP tour is closed; CVRP routes start and end at the depot.
    @Test func solutionLengthClosesToursAndRoutes() {
        let batch = ProblemBatch(kind: .cvrp, coordinates: .init([0, 0, 3, 4, 3, 0], shape: [1, 3, 2]),
                                 demands: [0, 1, 1], capacity: 2)
        #expect(batch.solutionLength(.routes([[1], [2]]), instance: 0) == 16)
        #expect(batch.solutionLength(.routes([[1, 2]]), instance: 0) == 12)
        #expect(batch.solutionLength(.tour([0, 1, 2]), instance: 0) == 12)
    }
}
