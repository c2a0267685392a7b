/// An OpenStreetMap way as read from an `.osm.pbf` file: its id, tags and node references in order.
public struct OSMWay: Sendable, Equatable {
    /// The way's id.
    public let id: Int64
    /// The way's tags (`highway` → `residential`, …).
    public let tags: [String: String]
    /// The ids of its nodes, in drawing order.
    public let nodes: [Int64]

    public init(id: Int64, tags: [String: String], nodes: [Int64]) {
        self.id = id
        self.tags = tags
        self.nodes = nodes
    }
}
