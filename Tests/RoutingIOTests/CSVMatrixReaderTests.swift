import RoutingCore
import RoutingIO
import Testing

@Suite struct CSVMatrixReaderTests {
    @Test("a matrix with a stated unit is read row-major and converted to base units")
    func reads() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("# unit: km\n0, 1.5\n2,0\n", to: "d.csv")
        let matrix = try CSVMatrixReader.read(path, unit: nil, lengths: true)
        #expect(matrix.count == 2 && matrix.unit == .kilometres)
        #expect(matrix.values == [0, 1.5, 2, 0] && matrix.inBaseUnits == [0, 1_500, 2_000, 0])
        let minutes = try CSVMatrixReader.read(try folder.write("0,2\n3,0\n", to: "t.csv"), unit: .minutes, lengths: false)
        #expect(minutes.inBaseUnits == [0, 120, 180, 0])
    }

    @Test("bad matrices give the file, the line and the problem",
          arguments: [
              ("# unit: m\n0,1,2\n1,0,2\n", nil as Int?, "not square: 2 rows of 3 values"),
              ("# unit: m\n0,1\n1,0,5\n", 3, "ragged rows: 3 values, the first row (line 2) has 2"),
              ("# unit: m\n0,nan\n1,0\n", 2, "column 2: 'nan' is not a finite number"),
              ("# unit: m\n0,inf\n1,0\n", 2, "column 2: 'inf' is not a finite number"),
              ("# unit: m\n0,1\n,0\n", 3, "column 1: '' is not a finite number"),
              ("# unit: m\n0,-4\n1,0\n", 2, "column 2: negative value -4"),
              ("# unit: km\n0,1\n-0.003,0\n", 3, "column 1: negative value -0.003"),
              ("0,1\n1,0\n", nil, "no unit: start the file with '# unit: km'"),
              ("# unit: parsecs\n0,1\n1,0\n", 1, "unknown length unit 'parsecs'"),
              ("# unit: s\n0,1\n1,0\n", 1, "unknown length unit 's'"),
              ("# only a comment\n", nil, "no matrix rows"),
          ])
    func errors(text: String, line: Int?, message: String) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(text, to: "bad.csv")
        expectFormatError(line: line, [message], sourceLocation: #_sourceLocation) {
            _ = try CSVMatrixReader.read(path, unit: nil, lengths: true)
        }
    }

    @Test("OSRM's small negative same-segment entries are kept for CityMatrices to clamp, in the matrix's unit")
    func routingArtefactsAreKept() throws {
        let folder = try TemporaryDirectory()
        let metres = try CSVMatrixReader.read(try folder.write("# unit: m\n0,-1.5\n3,0\n", to: "m.csv"), unit: nil, lengths: true)
        #expect(metres.values == [0, -1.5, 3, 0])
        let kilometres = try CSVMatrixReader.read(try folder.write("0,-0.0015\n3,0\n", to: "k.csv"), unit: .kilometres, lengths: true)
        let cleaned = try CityMatrices(name: "k", points: [Point(x: 0, y: 0), Point(x: 1, y: 1)],
                                       distances: kilometres.inBaseUnits.map(Float.init), durations: [0, 1, 1, 0])
        #expect(cleaned.clampedEntries == 1 && cleaned.distances == [0, 0, 3000, 0])
    }

    @Test("a unit on the command line that contradicts the file is an error")
    func unitConflict() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("# unit: km\n0,1\n1,0\n", to: "d.csv")
        #expect(throws: FormatError(file: path, line: nil, message: "the file says unit 'km', the command line 'm'")) {
            try CSVMatrixReader.read(path, unit: .metres, lengths: true)
        }
    }
}
