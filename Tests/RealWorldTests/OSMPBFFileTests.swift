import Foundation
import RealWorld
import RoutingIO
import Testing

@Suite struct OSMPBFFileTests {
    @Test("the Monaco extract decodes to its 180,118 nodes and 27,377 ways, with coordinates in its box",
          .enabled(if: RealWorldFixtures.directory != nil, RealWorldFixtures.absentReason))
    func monaco() throws {
        let path = try #require(RealWorldFixtures.file("osm/monaco.osm.pbf")).path
        var nodes = 0, ways = 0, highways = 0
        var inBox = true
        try OSMPBFFile.read(path, node: { _, lon, lat in
            nodes += 1
            inBox = inBox && lon > 7.3 && lon < 7.6 && lat > 43.6 && lat < 43.8
        }, way: { way in
            ways += 1
            if way.tags["highway"] != nil { highways += 1 }
        })
        #expect(nodes == 180_118 && ways == 27_377)
        #expect(inBox)
        #expect(highways == 2_927)  // the `w` lines of shared/realworld/osm/monaco-highways.opl (osmium tags-filter w/highway)
    }

    @Test("a truncated or foreign file is a format error naming the file, not a crash",
          .enabled(if: RealWorldFixtures.directory != nil, RealWorldFixtures.absentReason))
    func damaged() throws {
        let source = try Data(contentsOf: try #require(RealWorldFixtures.file("osm/monaco.osm.pbf")))
        let folder = try RealWorldFixtures.temporaryDirectory()
        for (name, data) in [("cut.osm.pbf", source.prefix(200_000)), ("text.osm.pbf", Data("hello world".utf8)),
                             ("flipped.osm.pbf", Data(source.prefix(40_000).enumerated().map { $0.offset > 300 ? ~$0.element : $0.element }))] {
            let path = folder.appendingPathComponent(name).path
            try data.write(to: URL(fileURLWithPath: path))
            do {
                try OSMPBFFile.read(path, node: { _, _, _ in }, way: { _ in })
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.file == path && error.line == nil)
            }
        }
    }
}
