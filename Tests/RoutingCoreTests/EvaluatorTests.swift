import Testing
import RoutingCore
import RoutingTestSupport

@Suite struct EvaluatorTests {
    /// A 4-node square: the perimeter tour costs 4 and the crossing tour costs more.
    @Test func tourCostOfSquare() throws {
        let points = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1)]
        let matrix = try DistanceMatrix(count: 4) { i, j in Int(points[i].distance(to: points[j]) * 10) }
        let instance = try Instance(name: "square", kind: .tsp, distances: matrix, coordinates: points)
        #expect(try Evaluator.evaluate(.tour([0, 1, 2, 3]), in: instance) == 40)
        #expect(try Evaluator.evaluate(.tour([0, 2, 1, 3]), in: instance) == 48)
    }

    /// Tours that are not permutations are rejected with the offending node.
    @Test func rejectsBadTours() {
        let instance = RandomInstances.euclideanTSP(5, seed: 1)
        #expect(throws: SolutionError.repeatedNode(1)) { try Evaluator.evaluate(.tour([0, 1, 1, 3, 4]), in: instance) }
        #expect(throws: SolutionError.missingNode(4)) { try Evaluator.evaluate(.tour([0, 1, 2, 3]), in: instance) }
        #expect(throws: SolutionError.nodeOutOfRange(node: 7, dimension: 5)) {
            try Evaluator.evaluate(.tour([0, 1, 2, 3, 7]), in: instance)
        }
        #expect(throws: SolutionError.wrongShape(expected: "a single tour")) {
            try Evaluator.evaluate(.routes([[0, 1, 2, 3, 4]]), in: instance)
        }
    }

    /// CVRP routes are checked for capacity, the depot, coverage and the fleet limit.
    @Test func checksRoutes() throws {
        let instance = RandomInstances.cvrp(customers: 4, capacity: 100, seed: 3)
        let cost = try Evaluator.evaluate(.routes([[1, 2], [3, 4]]), in: instance)
        let d = instance.distances
        #expect(cost == d[0, 1] + d[1, 2] + d[2, 0] + d[0, 3] + d[3, 4] + d[4, 0])
        #expect(throws: SolutionError.depotInRoute(route: 0)) { try Evaluator.evaluate(.routes([[0, 1, 2, 3, 4]]), in: instance) }
        #expect(throws: SolutionError.missingNode(4)) { try Evaluator.evaluate(.routes([[1, 2, 3]]), in: instance) }
        let tight = RandomInstances.cvrp(customers: 4, capacity: 9, seed: 3)
        let load = tight.demands[1] + tight.demands[2] + tight.demands[3] + tight.demands[4]
        #expect(throws: SolutionError.overCapacity(route: 0, load: load, capacity: 9)) {
            try Evaluator.evaluate(.routes([[1, 2, 3, 4]]), in: tight)
        }
        let limited = RandomInstances.cvrp(customers: 4, capacity: 100, seed: 3, vehicleLimit: 1)
        #expect(throws: SolutionError.tooManyRoutes(routes: 2, vehicles: 1)) {
            try Evaluator.evaluate(.routes([[1, 2], [3, 4]]), in: limited)
        }
    }
}
