import RoutingCore
import Tensor
import Testing
@testable import Policies

/// ×K augmentation beyond POMO's eight symmetries: rotated, rescaled copies.
@Suite struct ProblemBatchRotationTests {
    @Test("up to 8 copies are exactly the first symmetries, unscaled")
    func smallCountsAreTheSymmetries() {
        var rng = SeededGenerator(seed: 3)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: 6, using: &rng)
        for k in [1, 3, 8] {
            let copies = batch.augmented(copies: k)
            let symmetries = batch.augmented(by: (0..<k).map { CoordinateSymmetry(rawValue: $0)! })
            #expect(Array(copies.coordinates.scalars) == Array(symmetries.coordinates.scalars), "K = \(k)")
        }
    }

    @Test("rotated copies lie in the unit square and scale every tour by one factor per copy (TSP, CVRP)")
    func rotatedCopiesScaleLengthsUniformly() {
        var rng = SeededGenerator(seed: 4)
        let tsp = ProblemBatch.randomTSP(count: 2, nodes: 9, using: &rng)
        let k = 32
        let copies = tsp.augmented(copies: k)
        #expect(copies.count == 2 * k)
        #expect(copies.coordinates.scalars.allSatisfy { $0 >= -1e-5 && $0 <= 1 + 1e-5 })
        let tours = [Array(0..<9), [0, 4, 8, 3, 7, 2, 6, 1, 5], [2, 5, 8, 1, 4, 7, 0, 3, 6]]
        var sawRescaled = false
        for instance in 0..<2 {
            for copy in 0..<k {
                let ratios = tours.map { copies.tourLength($0, instance: instance * k + copy) / tsp.tourLength($0, instance: instance) }
                #expect(ratios.allSatisfy { abs($0 - ratios[0]) < 1e-4 }, "copy \(copy): \(ratios)")
                #expect(ratios[0] > 0.5 && ratios[0] < 2)
                if copy < 8 { #expect(abs(ratios[0] - 1) < 1e-4) }
                if abs(ratios[0] - 1) > 1e-3 { sawRescaled = true }
            }
        }
        #expect(sawRescaled, "rotations by angles other than multiples of 90° change the bounding box")
        let cvrp = ProblemBatch.randomCVRP(count: 1, customers: 5, using: &rng)
        let cvrpCopies = cvrp.augmented(copies: 20)
        #expect(cvrpCopies.count == 20 && cvrpCopies.capacity == cvrp.capacity)
        for copy in 0..<20 { #expect(Array(cvrpCopies.demands[(copy * 6)..<(copy * 6 + 6)]) == cvrp.demands) }
    }

    @Test("a matrix batch's travel costs follow its rotated coordinates' rescaling")
    func matrixTravelIsRescaledWithCoordinates() {
        let n = 6
        let matrix = MatrixPolicyTests.roadMatrix(nodes: n, seed: 8)
        let batch = ProblemBatch.matrixBatch(kind: .tsp, nodes: n, matrices: [matrix])
        let copies = batch.augmented(copies: 24)
        let original = batch.travel!.scalars, scaled = copies.travel!.scalars
        for copy in 0..<24 {
            // The pseudo-coordinates' pairwise distances grow by the same factor as the costs.
            func distance(_ b: ProblemBatch, _ row: Int, _ i: Int, _ j: Int) -> Float {
                let p = b.point(row, i), q = b.point(row, j)
                return ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
            }
            let factor = distance(copies, copy, 0, 1) / distance(batch, 0, 0, 1)
            for entry in 0..<(n * n) {
                #expect(abs(scaled[copy * n * n + entry] - original[entry] * factor) <= 1e-4 * max(1, original[entry]))
            }
        }
    }

    @Test("multistart-augK decodes K copies of every start; more copies never give a worse best tour")
    func decoderUsesRotatedCopies() throws {
        let checkpoint = try PolicyFixtures.checkpoint(.tsp, .pomo)
        let instance = PolicyFixtures.tsp(9, seed: 12)
        var best = [Int: Cost]()
        for k in [8, 16, 40] {
            let outcome = try PolicyDecoder(checkpoint: checkpoint, decoding: .multistartAugmented(copies: k)).decode(instance, seed: 1)
            #expect(outcome.candidates == 9 * k && outcome.feasible == 9 * k)
            best[k] = outcome.best!.cost
        }
        #expect(best[16]! <= best[8]! && best[40]! <= best[8]!)
        let matrixPolicy = try PolicyFixtures.checkpoint(.acvrp, .pomo)
        let acvrp = MatrixPolicyDecodingTests.acvrp(customers: 7, seed: 9)
        let outcome = try PolicyDecoder(checkpoint: matrixPolicy, decoding: .multistartAugmented(copies: 24)).decode(acvrp, seed: 1)
        #expect(outcome.candidates == 7 * 24 && outcome.feasible == 7 * 24)
    }

    @Test("copies made part by part equal the copies made at once (coordinates, demands, travel costs)")
    func partialCopiesMatch() {
        var rng = SeededGenerator(seed: 9)
        let batch = ProblemBatch.randomCVRP(count: 1, customers: 6, using: &rng)
        let all = batch.augmented(copies: 40)
        let part = batch.augmented(copies: 40, only: 13..<29)
        #expect(Array(part.coordinates.scalars) == Array(all.slice(13..<29).coordinates.scalars))
        #expect(part.demands == all.slice(13..<29).demands)
        let matrix = ProblemBatch.matrixBatch(kind: .tsp, nodes: 5, matrices: [MatrixPolicyTests.roadMatrix(nodes: 5, seed: 2)])
        let travelAll = matrix.augmented(copies: 30), travelPart = matrix.augmented(copies: 30, only: 7..<23)
        #expect(Array(travelPart.travel!.scalars) == Array(travelAll.slice(7..<23).travel!.scalars))
        #expect(Array(travelPart.coordinates.scalars) == Array(travelAll.slice(7..<23).coordinates.scalars))
    }
}
