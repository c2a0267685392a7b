import Foundation
import RealWorld
import RoutingCore
import Testing

/// End to end with the real OSRM binaries: build Monaco's car graph, serve it on loopback, query a table, stop.
@Suite(.serialized) struct OSRMServerTests {
    @Test("Monaco: graph built, table on 127.0.0.1 asymmetric in seconds and metres, server gone afterwards",
          .enabled(if: RealWorldFixtures.canRunOSRM, RealWorldFixtures.osrmAbsentReason))
    func monacoTable() throws {
        let installation = try #require(RealWorldFixtures.osrm)
        let work = try RealWorldFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let graph = try OSRMGraphBuilder(installation: installation)
            .build(pbf: try #require(RealWorldFixtures.file("osm/monaco.osm.pbf")), in: work)
        let server = try OSRMServer.start(graph: graph, installation: installation, maxTableSize: 200)
        let pid = server.processIdentifier
        #expect(server.baseURL.host == "127.0.0.1")
        var sampler = RoadLengthSampler(network: try RoadNetwork.read(
            pbf: try #require(RealWorldFixtures.file("osm/monaco.osm.pbf")).path,
            inside: try BoundingBox(parsing: "7.405,43.725,7.443,43.752")), seed: 1)
        let points = sampler.next(150)  // more than OSRM's default table limit of 100
        let table = try OSRMTableClient(baseURL: server.baseURL).table(points)
        server.stop()
        #expect(table.sources.count == 150 && table.unreachablePairs.isEmpty)
        let n = 150
        var asymmetric = 0, pairs = 0
        for i in 0..<n {
            for j in 0..<n where i != j {
                let distance = try #require(table.distances[i * n + j]), duration = try #require(table.durations[i * n + j])
                let straight = GreatCircle.metres(from: table.sources[i].location, to: table.sources[j].location)
                // Metres: a road is at least the straight line (OSRM rounds to 0.1 m) and under 20 km here.
                #expect(distance >= straight * 0.99 - 1 && distance < 20_000)
                // Seconds: average speeds between 1 and 40 m/s on city roads.
                if distance > 200 { #expect(distance / duration > 1 && distance / duration < 40) }
                if duration != table.durations[j * n + i] { asymmetric += 1 }
                pairs += 1
            }
        }
        #expect(Double(asymmetric) / Double(pairs) > 0.8)
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "osrm-routed \(pid) still running after stop()")
        #expect(throws: RealWorldError.self) { try OSRMTableClient(baseURL: server.baseURL, timeout: 5).table(points) }
    }

    @Test("a graph that does not exist makes start fail with the server's log, and no process is left",
          .enabled(if: RealWorldFixtures.osrm != nil, RealWorldFixtures.osrmAbsentReason))
    func missingGraph() throws {
        let work = try RealWorldFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let installation = try #require(RealWorldFixtures.osrm)
        do {
            _ = try OSRMServer.start(graph: work.appendingPathComponent("none.osrm"),
                                     installation: installation, maxTableSize: 10, timeout: 20)
            Issue.record("started without a graph")
        } catch {
            #expect(error.description.hasPrefix("osrm-routed did not start: it exited"))
        }
    }
}
