import Foundation
import RoutingCore

/// A parsed OSRM `/table` response (`annotations=duration,distance`): the snapped waypoints and the duration
/// (seconds) and distance (metres) matrices, row-major `[source][destination]`, `nil` where OSRM answered `null`
/// (no route).
public struct OSRMTableResponse: Sendable, Equatable {
    /// A snapped input coordinate: where OSRM placed it on the road network and how far it moved it.
    public struct Waypoint: Sendable, Equatable {
        /// The snapped position, `x` = longitude and `y` = latitude.
        public let location: Point
        /// The distance in metres between the input coordinate and ``location``.
        public let snapDistance: Double
        /// The name of the street it snapped to (may be empty).
        public let name: String
    }

    /// The rows' waypoints.
    public let sources: [Waypoint]
    /// The columns' waypoints.
    public let destinations: [Waypoint]
    /// Travel times in seconds, `sources.count × destinations.count`, row-major; `nil` = no route.
    public let durations: [Double?]
    /// Road distances in metres, same layout.
    public let distances: [Double?]

    /// The `(source, destination)` pairs OSRM found no route for in either matrix, row-major order.
    public var unreachablePairs: [(Int, Int)] {
        let columns = destinations.count
        return durations.indices.filter { durations[$0] == nil || distances[$0] == nil }.map { ($0 / columns, $0 % columns) }
    }

    /// Parses the JSON body of a `/table` answer; `file` names it in errors.
    /// - Throws: ``FormatError`` when it is not JSON, `code` is not `Ok` (OSRM's message is quoted), a matrix is
    ///   missing (the request needs `annotations=duration,distance` — the units are then seconds and metres), has
    ///   the wrong shape, or holds something other than numbers and `null`.
    public static func parse(_ data: Data, file: String) throws(FormatError) -> OSRMTableResponse {
        func failure(_ message: String) -> FormatError { FormatError(file: file, line: nil, message: message) }
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw failure("not an OSRM /table response: \(error.description)")
        }
        guard case .object = root else { throw failure("not a JSON object (expected an OSRM /table response)") }
        guard let code = root["code"]?.string else { throw failure("no 'code' field: not an OSRM response") }
        guard code == "Ok" else {
            throw failure("OSRM answered code '\(code)': \(root["message"]?.string ?? "no message")")
        }
        let sources = try waypoints(root["sources"], key: "sources", failure)
        let destinations = try waypoints(root["destinations"], key: "destinations", failure)
        let durations = try matrix(root["durations"], key: "durations", unit: "duration",
                                   rows: sources.count, columns: destinations.count, failure)
        let distances = try matrix(root["distances"], key: "distances", unit: "distance",
                                   rows: sources.count, columns: destinations.count, failure)
        return OSRMTableResponse(sources: sources, destinations: destinations, durations: durations, distances: distances)
    }

    private static func waypoints(_ value: JSONValue?, key: String,
                                  _ failure: (String) -> FormatError) throws(FormatError) -> [Waypoint] {
        guard let list = value?.array, !list.isEmpty else { throw failure("missing or empty '\(key)' array") }
        var result = [Waypoint]()
        result.reserveCapacity(list.count)
        for (index, waypoint) in list.enumerated() {
            guard let location = waypoint["location"]?.array, location.count == 2,
                  let lon = location[0].number, let lat = location[1].number, abs(lon) <= 180, abs(lat) <= 90 else {
                throw failure("\(key)[\(index)] has no valid 'location' [longitude, latitude]")
            }
            let snap = waypoint["distance"]?.number ?? 0
            guard snap >= 0 else { throw failure("\(key)[\(index)] has a negative snap 'distance' \(snap)") }
            result.append(Waypoint(location: Point(x: lon, y: lat), snapDistance: snap, name: waypoint["name"]?.string ?? ""))
        }
        return result
    }

    private static func matrix(_ value: JSONValue?, key: String, unit: String, rows: Int, columns: Int,
                               _ failure: (String) -> FormatError) throws(FormatError) -> [Double?] {
        guard let value else {
            throw failure("no '\(key)' matrix: request the table with annotations=duration,distance so that both "
                          + "matrices (seconds and metres) are present")
        }
        guard let list = value.array, list.count == rows else {
            throw failure("'\(key)' must be an array of \(rows) rows (one per source)")
        }
        var result = [Double?]()
        result.reserveCapacity(rows * columns)
        for (row, item) in list.enumerated() {
            guard let entries = item.array else { throw failure("\(key)[\(row)] is not an array") }
            guard entries.count == columns else {
                throw failure("\(key)[\(row)] has \(entries.count) entries, expected \(columns) (one per destination)")
            }
            for (column, entry) in entries.enumerated() {
                switch entry {
                case .null: result.append(nil)
                case .number(let number): result.append(number)
                default: throw failure("\(key)[\(row)][\(column)] is \(entry.kind), not a \(unit) or null")
                }
            }
        }
        return result
    }
}
