import RoutingCore
import Testing
@testable import Policies

@Suite struct UnitSquareNormalizationTests {
    /// The longer axis spans exactly [0, 1], the shorter keeps its aspect ratio, and distances shrink by
    /// one common factor.
    @Test func keepsGeometry() {
        let points = [Point(x: -50, y: 10), Point(x: 650, y: 10), Point(x: 100, y: 310), Point(x: 300, y: 160)]
        let normalization = UnitSquareNormalization(points: points)
        #expect(normalization.origin == Point(x: -50, y: 10))
        #expect(normalization.scale == 700)
        let unit = points.map { normalization($0) }
        #expect(unit[0] == Point(x: 0, y: 0) && unit[1] == Point(x: 1, y: 0))
        #expect(abs(unit[2].y - 300.0 / 700) < 1e-12)
        for a in 0..<4 {
            for b in 0..<4 where a != b {
                #expect(abs(unit[a].distance(to: unit[b]) * 700 - points[a].distance(to: points[b])) < 1e-9)
            }
        }
    }

    /// Coinciding points (or a single one) map to the origin with scale 1, never dividing by zero.
    @Test func degeneratePoints() {
        let normalization = UnitSquareNormalization(points: [Point(x: 5, y: 5), Point(x: 5, y: 5)])
        #expect(normalization.scale == 1)
        #expect(normalization(Point(x: 5, y: 5)) == Point(x: 0, y: 0))
    }
}
