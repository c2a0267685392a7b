import RealWorld
import RoutingIO
import Testing

@Suite struct RoadNetworkTests {
    @Test("Monaco's drivable roads inside the monaco-1000 box: segments inside the box, tens of kilometres of road",
          .enabled(if: RealWorldFixtures.directory != nil, RealWorldFixtures.absentReason))
    func monaco() throws {
        let box = try BoundingBox(parsing: "7.405,43.725,7.443,43.752")
        let network = try RoadNetwork.read(pbf: try #require(RealWorldFixtures.file("osm/monaco.osm.pbf")).path, inside: box)
        #expect(network.segments.allSatisfy { box.contains($0.start) && box.contains($0.end) && $0.length > 0 })
        #expect(network.totalLength > 30_000 && network.totalLength < 300_000)
        #expect(network.wayCount > 200)
        let whole = try RoadNetwork.read(pbf: try #require(RealWorldFixtures.file("osm/monaco.osm.pbf")).path, inside: nil)
        #expect(whole.totalLength > network.totalLength)
    }

    @Test("a box without roads is an error naming the file",
          .enabled(if: RealWorldFixtures.directory != nil, RealWorldFixtures.absentReason))
    func emptyBox() throws {
        let path = try #require(RealWorldFixtures.file("osm/monaco.osm.pbf")).path
        #expect(throws: FormatError.self) {
            try RoadNetwork.read(pbf: path, inside: try BoundingBox(parsing: "0,0,0.01,0.01"))
        }
    }
}
