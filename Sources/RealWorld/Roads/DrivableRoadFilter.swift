/// Which OpenStreetMap ways count as drivable roads for sampling points, following RRNCO's sampler: roads a car
/// may use (`highway` of the road classes), without motorways, bridges, tunnels, service roads, or private or
/// closed access, so that every sampled point is a plausible customer address on an ordinary street.
public enum DrivableRoadFilter {
    /// `highway` values that are car roads and allowed for sampling.
    public static let roadClasses: Set<String> = [
        "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
        "tertiary", "tertiary_link", "unclassified", "residential", "living_street", "road",
    ]
    /// `access`/`motor_vehicle`/`motorcar`/`vehicle` values that exclude a way.
    public static let closedAccess: Set<String> = ["private", "no", "customers", "delivery", "agricultural", "forestry"]

    /// `true` when `tags` describe a drivable road RRNCO would sample on. Motorways and their links, service
    /// roads, paths, tracks and everything else not in ``roadClasses`` are excluded, and so are bridges, tunnels,
    /// areas and ways closed to cars by ``closedAccess``.
    public static func accepts(_ tags: [String: String]) -> Bool {
        guard let highway = tags["highway"], roadClasses.contains(highway) else { return false }
        for key in ["bridge", "tunnel", "area"] {
            if let value = tags[key], value != "no" { return false }
        }
        for key in ["access", "vehicle", "motor_vehicle", "motorcar"] {
            if let value = tags[key], closedAccess.contains(value) { return false }
        }
        return true
    }
}
