import RoutingCore
import Testing
@testable import Policies

@Suite struct CoordinateSymmetryTests {
    /// Each of the eight maps keeps the unit square and every pairwise distance of an instance's
    /// normalised coordinates, and the eight images of a generic point are distinct.
    @Test func mapsPreserveDistances() throws {
        let instance = PolicyFixtures.tsp(30, seed: 1)
        let batch = try ProblemBatch(instance: instance)
        for symmetry in CoordinateSymmetry.allCases {
            let image = (0..<30).map { node in
                let p = batch.point(0, node)
                return symmetry.apply(x: p.x, y: p.y)
            }
            #expect(image.allSatisfy { $0.x >= 0 && $0.x <= 1 && $0.y >= 0 && $0.y <= 1 })
            for a in 0..<30 {
                for b in 0..<30 {
                    let p = batch.point(0, a), q = batch.point(0, b)
                    let before = ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
                    let dx = image[a].x - image[b].x, dy = image[a].y - image[b].y
                    #expect(abs((dx * dx + dy * dy).squareRoot() - before) < 1e-6, "\(symmetry) \(a)-\(b)")
                }
            }
        }
        let images = CoordinateSymmetry.allCases.map { $0.apply(x: 0.1, y: 0.3) }
        #expect(Set(images.map { "\($0.x),\($0.y)" }).count == 8)
    }

    /// A tour has the same length on all eight augmented copies, and that length times the
    /// normalisation's scale is the tour's cost on the original instance (up to the file's rounding of
    /// each edge): augmentation never changes what a tour costs.
    @Test func augmentationNeverChangesATourCost() throws {
        let instance = PolicyFixtures.tsp(25, seed: 2)
        let batch = try ProblemBatch(instance: instance).augmented()
        let scale = UnitSquareNormalization(points: instance.coordinates!).scale
        var rng = SeededGenerator(seed: 4)
        for _ in 0..<20 {
            let tour = Array(0..<25).shuffled(using: &rng)
            let cost = Double(Evaluator.tourCost(tour, distances: instance.distances))
            let lengths = (0..<8).map { batch.tourLength(tour, instance: $0) }
            for length in lengths {
                #expect(abs(length - lengths[0]) <= 1e-5 * lengths[0])
                #expect(abs(Double(length) * scale - cost) <= 25 * 0.5 + 1e-3 * cost)
            }
        }
    }
}
