import RealWorld
import RoutingCore
import Testing

@Suite struct BoundingBoxTests {
    @Test("lon1,lat1,lon2,lat2 parses in either corner order and contains its edges")
    func parses() throws {
        let box = try BoundingBox(parsing: "7.443,43.752,7.405,43.725")
        #expect(box.minLongitude == 7.405 && box.maxLatitude == 43.752)
        #expect(box.description == "7.405,43.725,7.443,43.752")
        #expect(box.contains(Point(x: 7.405, y: 43.74)) && !box.contains(Point(x: 7.5, y: 43.74)))
    }

    @Test("malformed boxes are refused", arguments: ["7.4,43.7,7.5", "a,b,c,d", "7.4,43.7,7.4,43.8", "7.4,95,7.5,43", "7.4,43.7,7.5,43.8,1"])
    func refuses(text: String) {
        #expect(throws: RealWorldError.invalidBoundingBox(text)) { try BoundingBox(parsing: text) }
    }
}
