import RoutingCore
import RoutingIO

/// The drivable road segments of an OpenStreetMap extract inside a bounding box: what points are sampled on.
///
/// Built from an `.osm.pbf` file by keeping the ways ``DrivableRoadFilter`` accepts and cutting them into
/// straight segments between consecutive nodes; a segment is kept when both of its ends lie inside the box.
public struct RoadNetwork: Sendable {
    /// One straight piece of road between two consecutive nodes of a way.
    public struct Segment: Sendable, Equatable {
        /// Start, `x` = longitude and `y` = latitude in degrees.
        public let start: Point
        /// End.
        public let end: Point
        /// Great-circle length in metres.
        public let length: Double

        public init(start: Point, end: Point, length: Double) {
            self.start = start
            self.end = end
            self.length = length
        }
    }

    /// The segments, in file order.
    public let segments: [Segment]
    /// How many drivable ways contributed at least one segment.
    public let wayCount: Int

    /// Total road length in metres.
    public var totalLength: Double { segments.reduce(0) { $0 + $1.length } }

    /// Builds a network from segments (for tests and other sources than `.osm.pbf`).
    public init(segments: [Segment], wayCount: Int) {
        self.segments = segments
        self.wayCount = wayCount
    }

    /// Reads the drivable roads of `path` inside `box` (all of them when `box` is `nil`).
    /// - Throws: ``FormatError`` for an unreadable or malformed file, or when no drivable road lies in the box.
    public static func read(pbf path: String, inside box: BoundingBox?) throws(FormatError) -> RoadNetwork {
        var coordinates = [Int64: Point]()
        var ways = [[Int64]]()
        try OSMPBFFile.read(path, node: { id, longitude, latitude in
            coordinates[id] = Point(x: longitude, y: latitude)
        }, way: { way in
            if way.nodes.count >= 2, DrivableRoadFilter.accepts(way.tags) { ways.append(way.nodes) }
        })
        var segments = [Segment]()
        var wayCount = 0
        for way in ways {
            let before = segments.count
            for (a, b) in zip(way, way.dropFirst()) {
                guard let start = coordinates[a], let end = coordinates[b] else { continue }
                guard box.map({ $0.contains(start) && $0.contains(end) }) ?? true else { continue }
                let length = GreatCircle.metres(from: start, to: end)
                if length > 0 { segments.append(Segment(start: start, end: end, length: length)) }
            }
            if segments.count > before { wayCount += 1 }
        }
        guard !segments.isEmpty else {
            let area = box.map { "inside the box \($0)" } ?? "in the file"
            throw FormatError(file: path, line: nil, message: "no drivable road (\(ways.count) drivable ways in all) \(area)")
        }
        return RoadNetwork(segments: segments, wayCount: wayCount)
    }
}
