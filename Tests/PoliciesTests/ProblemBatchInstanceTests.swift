import RoutingCore
import Testing
@testable import Policies

@Suite struct ProblemBatchInstanceTests {
    /// A CVRP whose depot is node 3 becomes a batch with the depot as node 0, customers after it in
    /// increasing order, demands following them and the file's capacity.
    @Test func cvrpPutsTheDepotFirst() throws {
        let instance = PolicyFixtures.cvrp(customers: 6, capacity: 25, depot: 3, seed: 5)
        let order = ProblemBatch.nodeOrder(for: instance)
        #expect(order == [3, 0, 1, 2, 4, 5, 6])
        let batch = try ProblemBatch(instance: instance)
        #expect(batch.kind == .cvrp && batch.count == 1 && batch.nodes == 7 && batch.capacity == 25)
        #expect(batch.demands == order.map { Int32(instance.demands[$0]) })
        let normalization = UnitSquareNormalization(points: instance.coordinates!)
        for (node, original) in order.enumerated() {
            let expected = normalization(instance.coordinates![original]), p = batch.point(0, node)
            #expect(abs(Double(p.x) - expected.x) < 1e-6 && abs(Double(p.y) - expected.y) < 1e-6)
        }
    }

    /// Copies are laid out symmetry-major: instance `s · copies + c` is copy `c` under symmetry `s`.
    @Test func copiesAndSymmetries() throws {
        let instance = PolicyFixtures.tsp(9, seed: 6)
        let symmetries: [CoordinateSymmetry] = [.identity, .transpose, .halfTurn]
        let batch = try ProblemBatch(instance: instance).augmented(by: symmetries).augmented(by: [.identity, .identity])
        #expect(batch.count == 6 && batch.nodes == 9)
        for (s, symmetry) in symmetries.enumerated() {
            for copy in 0..<2 {
                for node in 0..<9 {
                    let base = batch.point(0, node), p = batch.point(s * 2 + copy, node)
                    let image = symmetry.apply(x: base.x, y: base.y)
                    #expect(p.x == image.x && p.y == image.y)
                }
            }
        }
    }

    /// A matrix-only TSP is refused with the message pointing to the matrix policy and the heuristic; an ATSP with
    /// positions becomes a Euclidean batch of them (a coordinate policy's view of a real-road file).
    @Test func needsCoordinates() throws {
        let matrix = try DistanceMatrix(count: 4) { i, j in i == j ? 0 : 1 + (i + j) % 3 }
        let explicit = try Instance(name: "gr4", kind: .tsp, distances: matrix)
        #expect(throws: PolicyError.needsCoordinates(instance: "gr4", kind: .tsp)) { try ProblemBatch(instance: explicit) }
        let asymmetric = try Instance(name: "br4", kind: .atsp, distances: DistanceMatrix(count: 4) { i, j in i + 2 * j + 1 },
                                      coordinates: PolicyFixtures.points(4, seed: 1))
        let batch = try ProblemBatch(instance: asymmetric)
        #expect(batch.kind == .tsp && !batch.isMatrix && batch.nodes == 4)
        let message = PolicyError.needsCoordinates(instance: "gr4", kind: .tsp).description
        #expect(message.contains("gr4") && message.contains("needs node coordinates") && message.contains("--method heuristic"))
    }
}
