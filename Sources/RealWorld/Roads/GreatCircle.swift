import Foundation
import RoutingCore

/// Great-circle (haversine) distances on a spherical Earth: the fallback when no road network is available, and
/// the length of a road segment between two nearby nodes.
public enum GreatCircle {
    /// The mean Earth radius in metres (IUGG).
    public static let earthRadius = 6_371_008.8

    /// The great-circle distance in metres between two points given as `x` = longitude, `y` = latitude (degrees).
    public static func metres(from a: Point, to b: Point) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.y - a.y) * radians
        let dLon = (b.x - a.x) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.y * radians) * cos(b.y * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadius * asin(min(1, h.squareRoot()))
    }
}
