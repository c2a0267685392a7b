import Testing
import RoutingCore
@testable import RoutingIO

/// Instances that must read correctly: every distance rule, every explicit format, the header
/// variants real files use, and the CVRP conventions.
@Suite struct InstanceReaderTests {
    /// A symmetric 5-node matrix used to test every EXPLICIT format.
    static let matrix: [[Int]] = [
        [0, 3, 8, 2, 7],
        [3, 0, 4, 9, 1],
        [8, 4, 0, 5, 6],
        [2, 9, 5, 0, 11],
        [7, 1, 6, 11, 0],
    ]

    /// The entries of `matrix` in `format`'s order, written from the TSPLIB95 definitions
    /// (independently of `EdgeWeightFormat`).
    static func entries(_ format: String) -> [Int] {
        let m = matrix, n = m.count
        var cells: [(Int, Int)] = []
        switch format {
        case "FULL_MATRIX": for i in 0..<n { for j in 0..<n { cells.append((i, j)) } }
        case "UPPER_ROW": for i in 0..<n { for j in 0..<n where j > i { cells.append((i, j)) } }
        case "LOWER_ROW": for i in 0..<n { for j in 0..<n where j < i { cells.append((i, j)) } }
        case "UPPER_DIAG_ROW": for i in 0..<n { for j in 0..<n where j >= i { cells.append((i, j)) } }
        case "LOWER_DIAG_ROW": for i in 0..<n { for j in 0..<n where j <= i { cells.append((i, j)) } }
        case "UPPER_COL": for j in 0..<n { for i in 0..<n where i < j { cells.append((i, j)) } }
        case "LOWER_COL": for j in 0..<n { for i in 0..<n where i > j { cells.append((i, j)) } }
        case "UPPER_DIAG_COL": for j in 0..<n { for i in 0..<n where i <= j { cells.append((i, j)) } }
        case "LOWER_DIAG_COL": for j in 0..<n { for i in 0..<n where i >= j { cells.append((i, j)) } }
        default: Issue.record("unknown format \(format)")
        }
        return cells.map { m[$0.0][$0.1] }
    }

    /// An explicit TSP file whose numbers run across line breaks, three per line.
    static func explicitFile(_ format: String, values: [Int]) -> String {
        let lines = stride(from: 0, to: values.count, by: 3).map { start in
            values[start..<min(start + 3, values.count)].map(String.init).joined(separator: " ")
        }
        return "NAME : m5\nTYPE : TSP\nDIMENSION : 5\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : \(format)\n"
            + "EDGE_WEIGHT_SECTION\n" + lines.joined(separator: "\n") + "\nEOF\n"
    }

    /// Every EXPLICIT format of the same matrix gives the same DistanceMatrix, equal to the matrix.
    @Test(arguments: ["FULL_MATRIX", "UPPER_ROW", "LOWER_ROW", "UPPER_DIAG_ROW", "LOWER_DIAG_ROW",
                      "UPPER_COL", "LOWER_COL", "UPPER_DIAG_COL", "LOWER_DIAG_COL"])
    func explicitFormatsGiveTheSameMatrix(format: String) throws {
        let instance = try InstanceReader.parse(Self.explicitFile(format, values: Self.entries(format)), file: "m5.tsp")
        let expected = try DistanceMatrix(count: 5, rowMajor: Self.matrix.flatMap { $0 })
        #expect(instance.distances == expected)
        #expect(instance.kind == .tsp && instance.distanceRule == "EXPLICIT" && instance.coordinates == nil)
    }

    /// The _COL formats are the transposed _ROW layouts: the same six numbers fill different cells.
    @Test func columnFormatsTransposeRowFormats() throws {
        func read(_ format: String) throws -> DistanceMatrix {
            try InstanceReader.parse("TYPE: TSP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: \(format)\n"
                + "EDGE_WEIGHT_SECTION\n1 2 3\n4 5 6\n", file: "t").distances
        }
        let upperRow = try read("UPPER_ROW"), upperColumn = try read("UPPER_COL")
        #expect([upperRow[0, 1], upperRow[0, 2], upperRow[0, 3], upperRow[1, 2], upperRow[1, 3], upperRow[2, 3]] == [1, 2, 3, 4, 5, 6])
        #expect([upperColumn[0, 1], upperColumn[0, 2], upperColumn[1, 2], upperColumn[0, 3], upperColumn[1, 3], upperColumn[2, 3]]
                == [1, 2, 3, 4, 5, 6])
        #expect(try read("LOWER_COL") == upperRow)
        #expect(try read("LOWER_ROW") == upperColumn)
    }

    /// A two-node coordinate instance under `rule`, returning d(1,2).
    static func cost(_ rule: String, _ a: String, _ b: String, coordType: String = "") throws -> Cost {
        let text = "TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: \(rule)\n\(coordType)NODE_COORD_SECTION\n1 \(a)\n2 \(b)\nEOF\n"
        return try InstanceReader.parse(text, file: "two.tsp").distances[0, 1]
    }

    /// Each coordinate rule gives TSPLIB95's value on hand-computed pairs (nint rounds half up).
    @Test func coordinateRulesMatchHandComputedValues() throws {
        #expect(try Self.cost("EUC_2D", "0 0", "3 4") == 5)
        #expect(try Self.cost("EUC_2D", "0 0", "1 1") == 1)
        #expect(try Self.cost("EUC_2D", "0 0", "2.5 0") == 3)
        #expect(try Self.cost("CEIL_2D", "0 0", "1 1") == 2)
        #expect(try Self.cost("CEIL_2D", "0 0", "3 4") == 5)
        #expect(try Self.cost("ATT", "0 0", "10 0") == 4)
        #expect(try Self.cost("ATT", "0 0", "0 0.3") == 1)
        #expect(try Self.cost("MAN_2D", "0 0", "1.2 2.4") == 4)
        #expect(try Self.cost("MAX_2D", "0 0", "1.2 2.4") == 2)
        #expect(try Self.cost("EUC_3D", "0 0 0", "1 2 2") == 3)
        #expect(try Self.cost("MAN_3D", "0 0 0", "1 2 2.6") == 6)
        #expect(try Self.cost("MAX_3D", "0 0 0", "1 2 2.6") == 3)
        #expect(try Self.cost("EUC_3D", "0 0 0", "1 2 2", coordType: "NODE_COORD_TYPE: THREED_COORDS\n") == 3)
    }

    /// GEO truncates the degrees (burma14's first distances, and a southern-hemisphere pair).
    @Test func geographicalDistancesTruncateDegrees() throws {
        #expect(try Self.cost("GEO", "16.47 96.10", "16.47 94.44") == 153)
        #expect(try Self.cost("GEO", "16.47 96.10", "20.09 92.54") == 510)
        #expect(try Self.cost("GEO", "-33.55 151.12", "-37.49 144.58") == 711)
        let instance = try InstanceReader.parse(
            "TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: GEO\nNODE_COORD_SECTION\n1 16.47 96.10\n2 20.09 92.54\n", file: "g")
        #expect(instance.coordinates == [Point(x: 16.47, y: 96.10), Point(x: 20.09, y: 92.54)])
        #expect(instance.distanceRule == "GEO")
    }

    /// `NAME: x`, `NAME : x`, `NAME:x`, tabs, CRLF, trailing blanks, lower-case keywords, no EOF, a BOM: all read alike.
    @Test func headerLayoutsReadAlike() throws {
        let variants = [
            "NAME: a\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\nEOF\n",
            "NAME : a \r\nTYPE :\tTSP\t\r\nDIMENSION :\t3\t\r\nEDGE_WEIGHT_TYPE : EUC_2D  \r\nNODE_COORD_SECTION\t\t\r\n1\t0\t0\r\n2\t3\t4\r\n 3 6 8\r\nEOF\t\r\n",
            "NAME:a\nTYPE:TSP\nDIMENSION:3\nEDGE_WEIGHT_TYPE:EUC_2D\nNODE_COORD_SECTION:\n\n  3 6 8\n1 0 0\n2 3 4",
            "name: a\ntype: tsp\ndimension 3\nedge_weight_type: euc_2d\nnode_coord_section\n1 0 0\n2 3 4\n3 6 8\n",
            "\u{FEFF}NAME: a\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\n",
        ]
        for text in variants {
            let instance = try InstanceReader.parse(text, file: "dir/a.tsp")
            #expect(instance.name == "a" && instance.dimension == 3 && instance.kind == .tsp)
            #expect(instance.distances[0, 1] == 5 && instance.distances[0, 2] == 10 && instance.distances[1, 2] == 5)
        }
    }

    /// Comments, display types and other harmless keywords are accepted; text after EOF is not read.
    @Test func harmlessKeywordsAreAccepted() throws {
        let text = """
            NAME : h
            COMMENT : first part
            COMMENT : second part
            TYPE : TSP
            DIMENSION : 2
            EDGE_WEIGHT_TYPE : EUC_2D
            EDGE_WEIGHT_FORMAT : FUNCTION
            NODE_COORD_TYPE : TWOD_COORDS
            DISPLAY_DATA_TYPE : COORD_DISPLAY
            NODE_COORD_SECTION
            1 0 0
            2 0 7
            FIXED_EDGES_SECTION
            -1
            EOF
            this is not read
            """
        let instance = try InstanceReader.parse(text, file: "h.tsp")
        #expect(instance.comment == "first part second part")
        #expect(instance.distances[1, 0] == 7)
    }

    /// CVRP: capacity, demands, depot 0, VEHICLES as the fleet limit; without VEHICLES the fleet is unlimited.
    @Test func vehicleRoutingFields() throws {
        let body = """
            TYPE : CVRP
            DIMENSION : 3
            EDGE_WEIGHT_TYPE : EUC_2D
            CAPACITY : 10
            NODE_COORD_SECTION
            1 0 0
            2 3 4
            3 0 4
            DEMAND_SECTION
            1 0
            2 6
            3 4
            DEPOT_SECTION
            1
            -1
            EOF
            """
        let unlimited = try InstanceReader.parse(body, file: "A-n3-k1.vrp")
        #expect(unlimited.kind == .cvrp && unlimited.capacity == 10 && unlimited.demands == [0, 6, 4])
        #expect(unlimited.depot == 0 && unlimited.vehicleLimit == nil && unlimited.name == "A-n3-k1")
        let limited = try InstanceReader.parse("VEHICLES : 2\n" + body, file: "v.vrp")
        #expect(limited.vehicleLimit == 2)
    }

    /// An explicit CVRP (LOWER_ROW, as E-n13-k4) with a display section takes those positions as coordinates.
    @Test func explicitVehicleRoutingWithDisplayData() throws {
        let text = """
            TYPE : CVRP
            DIMENSION : 3
            EDGE_WEIGHT_TYPE : EXPLICIT
            EDGE_WEIGHT_FORMAT: LOWER_ROW
            DISPLAY_DATA_TYPE : TWOD_DISPLAY
            CAPACITY : 5
            EDGE_WEIGHT_SECTION
            4
            6 3
            DISPLAY_DATA_SECTION
            1 0 0
            2 4 0
            3 5 5
            DEMAND_SECTION
            1 0
            2 5
            3 1
            DEPOT_SECTION
            1
            -1
            """
        let instance = try InstanceReader.parse(text, file: "e.vrp")
        #expect(instance.kind == .cvrp)
        #expect(instance.distances[0, 1] == 4 && instance.distances[0, 2] == 6 && instance.distances[2, 1] == 3)
        #expect(instance.coordinates?[2] == Point(x: 5, y: 5))
    }

    /// TYPE CVRP with an asymmetric FULL_MATRIX becomes ACVRP without symmetrising; TYPE ACVRP is accepted.
    @Test func asymmetricVehicleRouting() throws {
        func file(type: String, matrix: String) -> String {
            "TYPE : \(type)\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX\nCAPACITY : 9\n"
                + "EDGE_WEIGHT_SECTION\n\(matrix)\nDEMAND_SECTION\n1 0\n2 1\n3 1\nDEPOT_SECTION\n1\n-1\nEOF\n"
        }
        let asymmetric = try InstanceReader.parse(file(type: "CVRP", matrix: "0 1 2\n5 0 3\n2 4 0"), file: "a.vrp")
        #expect(asymmetric.kind == .acvrp)
        #expect(asymmetric.distances[0, 1] == 1 && asymmetric.distances[1, 0] == 5)
        let symmetric = try InstanceReader.parse(file(type: "CVRP", matrix: "0 1 2\n1 0 3\n2 3 0"), file: "s.vrp")
        #expect(symmetric.kind == .cvrp)
        let declared = try InstanceReader.parse(file(type: "ACVRP", matrix: "0 1 2\n1 0 3\n2 3 0"), file: "d.vrp")
        #expect(declared.kind == .acvrp)
    }

    /// ATSPLIB "infinity" diagonals (9999, 100000000) are cleared; the matrix stays asymmetric.
    @Test func asymmetricTSPDiagonalIsCleared() throws {
        let text = "NAME: x\nTYPE: ATSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: FULL_MATRIX\n"
            + "EDGE_WEIGHT_SECTION\n9999 1 2 3\n100000000 4 5 6 9999\nEOF\n"
        let instance = try InstanceReader.parse(text, file: "x.atsp")
        #expect(instance.kind == .atsp)
        #expect(instance.distances.storage == [0, 1, 2, 3, 0, 4, 5, 6, 0])
    }

    /// CVRPLIB extensions that change nothing are accepted: SERVICE_TIME 0, a BACKHAUL_SECTION on TYPE CVRP.
    @Test func neutralExtensionsAreAccepted() throws {
        let text = """
            TYPE : CVRP
            DIMENSION : 3
            SERVICE_TIME : 0
            EDGE_WEIGHT_TYPE : EUC_2D
            CAPACITY : 10
            NODE_COORD_SECTION
            1 0 0
            2 3 4
            3 0 4
            DEMAND_SECTION
            1 0
            2 6
            3 4
            BACKHAUL_SECTION
            2
            DEPOT_SECTION
            1
            -1
            """
        #expect(try InstanceReader.parse(text, file: "b.vrp").demands == [0, 6, 4])
    }

    /// Reading from disk gives the same instance as parsing the text; a missing file is a FormatError.
    @Test func readsFilesAndReportsMissingOnes() throws {
        let directory = try TemporaryDirectory()
        let text = "TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n"
        let path = try directory.write(text, to: "pair.tsp")
        let instance = try InstanceReader.read(contentsOf: path)
        #expect(instance.name == "pair" && instance.distances[0, 1] == 5)
        #expect(throws: FormatError(file: directory.path + "/none.tsp", line: nil, message: "no such file")) {
            try InstanceReader.read(contentsOf: directory.path + "/none.tsp")
        }
    }
}
