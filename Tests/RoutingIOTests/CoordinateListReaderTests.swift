import RoutingCore
import RoutingIO
import Testing

@Suite struct CoordinateListReaderTests {
    @Test("headerless lines are latitude, longitude; a header picks columns by name")
    func reads() throws {
        let folder = try TemporaryDirectory()
        let plain = try CoordinateListReader.read(try folder.write("# two points\n43.73, 7.42\n43.74 7.43\n", to: "a.txt"))
        #expect(plain == [Point(x: 7.42, y: 43.73), Point(x: 7.43, y: 43.74)])
        let named = try CoordinateListReader.read(try folder.write("id;lon;lat\n1;7.42;43.73\n2;7.43;43.74\n", to: "b.csv"))
        #expect(named == plain)
    }

    @Test("out-of-range, malformed and too short lists are refused with the line",
          arguments: [
              ("7.42,43.73\n91.5,7.4\n", 2 as Int?, "latitude 91.5 / longitude 7.4 out of range (are the columns swapped?)"),
              ("43.73,7.42\n43.74\n", 2, "1 fields, expected 2"),
              ("name,x\n1,2\n", 1, "a header needs 'lat' and 'lon' columns"),
              ("43.73,7.42\n", nil, "needs at least 2 points, found 1"),
          ])
    func errors(text: String, line: Int?, message: String) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(text, to: "list.csv")
        expectFormatError(line: line, [message], sourceLocation: #_sourceLocation) {
            _ = try CoordinateListReader.read(path)
        }
    }
}
