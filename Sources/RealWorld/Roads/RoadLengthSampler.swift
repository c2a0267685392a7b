import RoutingCore

/// Draws points uniformly by road length on a ``RoadNetwork`` (RRNCO's sampling): a segment is chosen with
/// probability proportional to its length and the point is placed uniformly along it, so every metre of drivable
/// road is equally likely. Seeded: the same network and seed give the same points.
public struct RoadLengthSampler: Sendable {
    private let network: RoadNetwork
    /// `cumulative[k]` = total length of segments `0...k`.
    private let cumulative: [Double]
    private var generator: SeededGenerator

    /// A sampler over `network` seeded with `seed`.
    /// - Precondition: the network has at least one segment of positive length.
    public init(network: RoadNetwork, seed: UInt64) {
        precondition(!network.segments.isEmpty, "a road network without segments")
        self.network = network
        var total = 0.0
        cumulative = network.segments.map { segment in
            total += segment.length
            return total
        }
        generator = SeededGenerator(seed: seed)
    }

    /// The next point, `x` = longitude and `y` = latitude.
    /// - Complexity: O(log s) for s segments.
    public mutating func next() -> Point {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &generator)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        let segment = network.segments[low]
        let startOffset = low == 0 ? 0 : cumulative[low - 1]
        let t = min(1, max(0, (target - startOffset) / segment.length))
        return Point(x: segment.start.x + t * (segment.end.x - segment.start.x),
                     y: segment.start.y + t * (segment.end.y - segment.start.y))
    }

    /// The next `count` points.
    public mutating func next(_ count: Int) -> [Point] {
        (0..<count).map { _ in next() }
    }
}
