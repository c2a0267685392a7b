import RoutingCore

/// Maps an instance's coordinates into the unit square the policies were trained on, keeping its
/// geometry: translate by the minimum x and y, then divide both axes by the larger of the two ranges.
///
/// Distances shrink by one common factor, so the order of tour lengths, and therefore what a policy
/// should prefer, is unchanged; the reported cost still comes from the instance's own distances.
public struct UnitSquareNormalization: Sendable, Equatable {
    /// The smallest x and y of the points.
    public let origin: Point
    /// The divisor: `max(xRange, yRange)`, or 1 when every point coincides.
    public let scale: Double

    /// The normalisation of `points` (empty: the identity).
    public init(points: [Point]) {
        guard let first = points.first else {
            origin = Point(x: 0, y: 0)
            scale = 1
            return
        }
        var low = first, high = first
        for point in points {
            low = Point(x: min(low.x, point.x), y: min(low.y, point.y))
            high = Point(x: max(high.x, point.x), y: max(high.y, point.y))
        }
        origin = low
        let range = max(high.x - low.x, high.y - low.y)
        scale = range > 0 && range.isFinite ? range : 1
    }

    /// `point` in the unit square: both coordinates in `[0, 1]`.
    public func callAsFunction(_ point: Point) -> Point {
        Point(x: min(1, max(0, (point.x - origin.x) / scale)), y: min(1, max(0, (point.y - origin.y) / scale)))
    }
}
