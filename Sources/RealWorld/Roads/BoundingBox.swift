import Foundation
import RoutingCore

/// A longitude/latitude rectangle, the area points are sampled in.
public struct BoundingBox: Sendable, Equatable, CustomStringConvertible {
    /// Western edge (degrees of longitude).
    public let minLongitude: Double
    /// Southern edge (degrees of latitude).
    public let minLatitude: Double
    /// Eastern edge.
    public let maxLongitude: Double
    /// Northern edge.
    public let maxLatitude: Double

    /// A box from its corners; the order of each pair does not matter.
    /// - Throws: ``RealWorldError/invalidBoundingBox(_:)`` for values outside ±180/±90 or an empty box.
    public init(longitudes: (Double, Double), latitudes: (Double, Double)) throws(RealWorldError) {
        let values = [longitudes.0, longitudes.1, latitudes.0, latitudes.1]
        guard values.allSatisfy(\.isFinite), abs(longitudes.0) <= 180, abs(longitudes.1) <= 180,
              abs(latitudes.0) <= 90, abs(latitudes.1) <= 90, longitudes.0 != longitudes.1, latitudes.0 != latitudes.1 else {
            throw .invalidBoundingBox("\(longitudes.0),\(latitudes.0),\(longitudes.1),\(latitudes.1)")
        }
        minLongitude = min(longitudes.0, longitudes.1)
        maxLongitude = max(longitudes.0, longitudes.1)
        minLatitude = min(latitudes.0, latitudes.1)
        maxLatitude = max(latitudes.0, latitudes.1)
    }

    /// Parses `lon1,lat1,lon2,lat2` (the order of the command-line option `--bbox`).
    /// - Throws: ``RealWorldError/invalidBoundingBox(_:)`` when the text is not four numbers forming a box.
    public init(parsing text: String) throws(RealWorldError) {
        let numbers = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, text.split(separator: ",").count == 4,
              let box = try? BoundingBox(longitudes: (numbers[0], numbers[2]), latitudes: (numbers[1], numbers[3])) else {
            throw .invalidBoundingBox(text)
        }
        self = box
    }

    /// `true` when `point` (`x` = longitude, `y` = latitude) lies inside or on the edge.
    public func contains(_ point: Point) -> Bool {
        point.x >= minLongitude && point.x <= maxLongitude && point.y >= minLatitude && point.y <= maxLatitude
    }

    /// `lon1,lat1,lon2,lat2`, the form ``init(parsing:)`` reads.
    public var description: String { "\(minLongitude),\(minLatitude),\(maxLongitude),\(maxLatitude)" }
}
