import RealWorld
import Testing

@Suite struct DrivableRoadFilterTests {
    @Test("ordinary car roads are accepted", arguments: ["residential", "primary", "tertiary_link", "living_street", "unclassified"])
    func accepts(highway: String) {
        #expect(DrivableRoadFilter.accepts(["highway": highway, "name": "Rue"]))
    }

    @Test("RRNCO's exclusions: motorways, service roads, paths, bridges, tunnels, private access",
          arguments: [
              ["highway": "motorway"], ["highway": "motorway_link"], ["highway": "service"], ["highway": "footway"],
              ["highway": "residential", "bridge": "yes"], ["highway": "primary", "tunnel": "building_passage"],
              ["highway": "residential", "access": "private"], ["highway": "residential", "motor_vehicle": "no"],
              ["building": "yes"],
          ])
    func rejects(tags: [String: String]) {
        #expect(!DrivableRoadFilter.accepts(tags))
    }

    @Test("bridge=no and tunnel=no do not exclude a road")
    func explicitNo() {
        #expect(DrivableRoadFilter.accepts(["highway": "secondary", "bridge": "no", "tunnel": "no"]))
    }
}
