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
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw failure("not a JSON object (expected an OSRM /table response)")
        }
        guard let code = root["code"] as? String else { throw failure("no 'code' field: not an OSRM response") }
        guard code == "Ok" else {
            throw failure("OSRM answered code '\(code)': \(root["message"] as? String ?? "no message")")
        }
        let sources = try waypoints(root["sources"], key: "sources", failure)
        let destinations = try waypoints(root["destinations"], key: "destinations", failure)
        let durations = try matrix(root["durations"], key: "durations", unit: "duration",
                                   rows: sources.count, columns: destinations.count, failure)
        let distances = try matrix(root["distances"], key: "distances", unit: "distance",
                                   rows: sources.count, columns: destinations.count, failure)
        return OSRMTableResponse(sources: sources, destinations: destinations, durations: durations, distances: distances)
    }

    private static func waypoints(_ value: Any?, key: String,
                                  _ failure: (String) -> FormatError) throws(FormatError) -> [Waypoint] {
        guard let list = value as? [Any], !list.isEmpty else { throw failure("missing or empty '\(key)' array") }
        var result = [Waypoint]()
        for (index, item) in list.enumerated() {
            guard let waypoint = item as? [String: Any], let location = waypoint["location"] as? [Any], location.count == 2,
                  let lon = number(location[0]), let lat = number(location[1]), abs(lon) <= 180, abs(lat) <= 90 else {
                throw failure("\(key)[\(index)] has no valid 'location' [longitude, latitude]")
            }
            let snap = waypoint["distance"].flatMap(number) ?? 0
            guard snap >= 0 else { throw failure("\(key)[\(index)] has a negative snap 'distance' \(snap)") }
            result.append(Waypoint(location: Point(x: lon, y: lat), snapDistance: snap,
                                   name: waypoint["name"] as? String ?? ""))
        }
        return result
    }

    private static func matrix(_ value: Any?, key: String, unit: String, rows: Int, columns: Int,
                               _ failure: (String) -> FormatError) throws(FormatError) -> [Double?] {
        guard let value else {
            throw failure("no '\(key)' matrix: request the table with annotations=duration,distance so that both "
                          + "matrices (seconds and metres) are present")
        }
        guard let list = value as? [Any], list.count == rows else {
            throw failure("'\(key)' must be an array of \(rows) rows (one per source)")
        }
        var result = [Double?]()
        result.reserveCapacity(rows * columns)
        for (row, item) in list.enumerated() {
            guard let entries = item as? [Any] else { throw failure("\(key)[\(row)] is not an array") }
            guard entries.count == columns else {
                throw failure("\(key)[\(row)] has \(entries.count) entries, expected \(columns) (one per destination)")
            }
            for (column, entry) in entries.enumerated() {
                if entry is NSNull {
                    result.append(nil)
                } else if let value = number(entry), value.isFinite {
                    result.append(value)
                } else {
                    throw failure("\(key)[\(row)][\(column)] is '\(entry)', not a \(unit) or null")
                }
            }
        }
        return result
    }

    /// A JSON number as a `Double`.
    private static func number(_ value: Any) -> Double? {
        if let double = value as? Double { return double }
        if let integer = value as? Int { return Double(integer) }
        return (value as? NSNumber)?.doubleValue
    }
}
