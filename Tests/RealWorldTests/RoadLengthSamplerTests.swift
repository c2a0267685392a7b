import RealWorld
import RoutingCore
import Testing

@Suite struct RoadLengthSamplerTests {
    /// A 300 m segment and a 100 m one, far apart: three quarters of the points must fall on the first.
    static let network = RoadNetwork(segments: [
        .init(start: Point(x: 0, y: 0), end: Point(x: 1, y: 0), length: 300),
        .init(start: Point(x: 5, y: 5), end: Point(x: 5, y: 6), length: 100),
    ], wayCount: 2)

    @Test("points are uniform by length: a segment's share of points is its share of the road length")
    func uniformByLength() {
        var sampler = RoadLengthSampler(network: Self.network, seed: 3)
        let points = sampler.next(20_000)
        let onFirst = points.filter { $0.y == 0 && $0.x >= 0 && $0.x <= 1 }.count
        let onSecond = points.filter { $0.x == 5 && $0.y >= 5 && $0.y <= 6 }.count
        #expect(onFirst + onSecond == points.count)
        #expect(abs(Double(onFirst) / Double(points.count) - 0.75) < 0.015)
        let firstHalf = points.filter { $0.y == 0 && $0.x < 0.5 }.count
        #expect(abs(Double(firstHalf) / Double(onFirst) - 0.5) < 0.02)
    }

    @Test("the same seed gives the same points, another seed others")
    func seeded() {
        var a = RoadLengthSampler(network: Self.network, seed: 42), b = RoadLengthSampler(network: Self.network, seed: 42)
        var c = RoadLengthSampler(network: Self.network, seed: 43)
        let first = a.next(50)
        #expect(first == b.next(50))
        #expect(first != c.next(50))
    }
}
