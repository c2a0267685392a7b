import Foundation

/// Builds an OSRM routing graph from an `.osm.pbf` extract with the car profile: `osrm-extract`, then
/// `osrm-partition` and `osrm-customize` (the multi-level Dijkstra pipeline `osrm-routed --algorithm mld` serves).
public struct OSRMGraphBuilder: Sendable {
    /// The installation whose tools and car profile are used.
    public let installation: OSRMInstallation

    public init(installation: OSRMInstallation) {
        self.installation = installation
    }

    /// The version the tools report (`v26.10.0`), or `unknown`.
    public var version: String {
        ToolRunner.output(of: installation.tool("osrm-routed"), ["--version"]) ?? "unknown"
    }

    /// Builds the graph of `pbf` inside `directory` and returns the graph's base path (`directory/graph.osrm`).
    /// The tools' output goes to `directory/osrm-build.log`.
    /// - Throws: ``RealWorldError/toolFailed(tool:status:log:)`` when a step fails.
    public func build(pbf: URL, in directory: URL) throws(RealWorldError) -> URL {
        let input = directory.appendingPathComponent("graph.osm.pbf")
        let graph = directory.appendingPathComponent("graph.osrm")
        let log = directory.appendingPathComponent("osrm-build.log")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: input)
            try FileManager.default.createSymbolicLink(at: input, withDestinationURL: pbf.absoluteURL)
        } catch {
            throw .toolFailed(tool: "osrm-extract", status: -1, log: "cannot prepare \(directory.path): \(error)")
        }
        try ToolRunner.run(installation.tool("osrm-extract"), ["-p", installation.carProfile.path, input.path],
                           in: directory, log: log)
        try ToolRunner.run(installation.tool("osrm-partition"), [graph.path], in: directory, log: log)
        try ToolRunner.run(installation.tool("osrm-customize"), [graph.path], in: directory, log: log)
        return graph
    }
}
