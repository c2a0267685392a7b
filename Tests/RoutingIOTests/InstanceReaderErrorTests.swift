import Foundation
import Testing
import RoutingCore
import RoutingIO

/// Bad instance files: each must fail with a FormatError naming the right line and the problem,
/// never crash, hang or be silently accepted.
@Suite struct InstanceReaderErrorTests {
    /// A valid 3-node CVRP; tests edit its numbered lines.
    static let cvrpLines = [
        "NAME : bad", "TYPE : CVRP", "DIMENSION : 3", "EDGE_WEIGHT_TYPE : EUC_2D", "CAPACITY : 10",  // 1-5
        "NODE_COORD_SECTION", "1 0 0", "2 3 4", "3 0 4",  // 6-9
        "DEMAND_SECTION", "1 0", "2 6", "3 4",  // 10-13
        "DEPOT_SECTION", "1", "-1", "EOF",  // 14-17
    ]

    /// The CVRP with 1-based `line` replaced by `text`.
    static func cvrp(line: Int, _ text: String) -> String {
        var lines = cvrpLines
        lines[line - 1] = text
        return lines.joined(separator: "\n") + "\n"
    }

    /// The CVRP without the 1-based lines in `range`.
    static func cvrp(removing range: ClosedRange<Int>) -> String {
        var lines = cvrpLines
        lines.removeSubrange((range.lowerBound - 1)...(range.upperBound - 1))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The CVRP with `text` inserted so that it becomes line `line`.
    static func cvrp(inserting text: String, at line: Int) -> String {
        var lines = cvrpLines
        lines.insert(text, at: line - 1)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A small TSP text with the given header lines and sections.
    static func tsp(_ lines: String...) -> String {
        lines.joined(separator: "\n") + "\n"
    }

    /// The unedited base file is valid, so each failure below comes from its one edit.
    @Test func baseFileIsValid() throws {
        #expect(try InstanceReader.parse(Self.cvrp(line: 1, "NAME : good"), file: "good.vrp").dimension == 3)
    }

    /// A keyword that neither TSPLIB95 nor CVRPLIB defines is named with its line.
    @Test func unknownKeyword() {
        expectInstanceError(Self.cvrp(inserting: "COLOUR : red", at: 5), line: 5, "unknown keyword 'COLOUR'")
    }

    /// A coordinate section cut short by the end of the file is reported at the file's last line.
    @Test func truncatedAtEndOfFile() {
        expectInstanceError(Self.tsp("TYPE: TSP", "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EUC_2D", "NODE_COORD_SECTION", "1 0 0", "2 3 4"),
                            line: 6, "NODE_COORD_SECTION ends where the file ends after 2 of 3 nodes", "node 3 is missing")
    }

    /// A section cut short by the next keyword is reported at that keyword's line, naming the missing node.
    @Test func missingNode() {
        expectInstanceError(Self.cvrp(removing: 8...8), line: 9, "ends at the next keyword after 2 of 3 nodes", "node 2 is missing")
    }

    /// An EDGE_WEIGHT_SECTION shorter than DIMENSION needs reports how many values it has and needs.
    @Test func truncatedEdgeWeights() {
        expectInstanceError(Self.tsp("TYPE: TSP", "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_FORMAT: UPPER_ROW",
                                     "EDGE_WEIGHT_SECTION", "1", "2"),
                            line: 7, "after 2 of the 3 values that UPPER_ROW needs for DIMENSION 3")
    }

    /// More edge weights than the format needs (a dimension mismatch) is reported at the first extra value.
    @Test func tooManyEdgeWeights() {
        expectInstanceError(Self.tsp("TYPE: TSP", "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_FORMAT: UPPER_ROW",
                                     "EDGE_WEIGHT_SECTION", "1 2 3", "4", "EOF"),
                            line: 7, "more than the 3 values that UPPER_ROW needs")
    }

    /// A node number beyond DIMENSION is out of range.
    @Test func nodeOutOfRange() {
        expectInstanceError(Self.cvrp(line: 9, "4 0 4"), line: 9, "node 4 is out of range 1…3")
    }

    /// A node given twice names both lines.
    @Test func duplicateNode() {
        expectInstanceError(Self.cvrp(line: 9, "2 0 4"), line: 9, "node 2 is given twice (first on line 8)")
    }

    /// A node line with the wrong number of values says how many it needs.
    @Test func wrongValueCount() {
        expectInstanceError(Self.cvrp(line: 9, "3 0"), line: 9, "node 3 has 1 values, expected 2")
        expectInstanceError(Self.cvrp(line: 9, "3 0 4 5"), line: 9, "too many values for node 3")
    }

    /// Non-numeric values are quoted in the message.
    @Test func nonNumericValue() {
        expectInstanceError(Self.cvrp(line: 9, "3 abc 4"), line: 9, "coordinate 'abc' is not a number")
        expectInstanceError(Self.cvrp(line: 12, "2 six"), line: 12, "demand 'six' is not a whole number")
        expectInstanceError(Self.cvrp(line: 12, "2 6.5"), line: 12, "demand '6.5' is not a whole number")
        expectInstanceError(Self.cvrp(line: 3, "DIMENSION : three"), line: 3, "DIMENSION 'three' is not a whole number")
    }

    /// `nan` and `inf` (which Swift's Double(String) accepts) and overflowing numbers are rejected.
    @Test func nonFiniteValues() {
        expectInstanceError(Self.cvrp(line: 9, "3 nan 4"), line: 9, "'nan' is not a finite number")
        expectInstanceError(Self.cvrp(line: 9, "3 0 -inf"), line: 9, "'-inf' is not a finite number")
        expectInstanceError(Self.cvrp(line: 9, "3 0 Infinity"), line: 9, "'Infinity' is not a finite number")
        expectInstanceError(Self.cvrp(line: 9, "3 1e999 4"), line: 9, "'1e999' is out of range")
    }

    /// Numbers too large for their field: an overflowing demand, coordinates whose distance overflows.
    @Test func hugeNumbers() {
        expectInstanceError(Self.cvrp(line: 12, "2 99999999999999999999"), line: 12, "demand '99999999999999999999' is out of range")
        expectInstanceError(Self.cvrp(line: 9, "3 1e300 4"), line: 9, "EUC_2D distance from node", "out of range")
        expectInstanceError(Self.cvrp(line: 5, "CAPACITY : 1e30"), line: 5, "CAPACITY '1e30' is out of range")
        expectInstanceError(Self.cvrp(line: 5, "CAPACITY : 9000000000000000000"), line: 5, "CAPACITY 9000000000000000000 is out of range")
        expectInstanceError(Self.cvrp(line: 12, "2 9000000000000000000"), line: 12, "demand 9000000000000000000 is out of range")
        expectInstanceError(Self.cvrp(inserting: "VEHICLES : 9000000000000000000", at: 5), line: 5, "VEHICLES 9000000000000000000 is out of range")
    }

    /// A negative demand is refused on its line.
    @Test func negativeDemand() {
        expectInstanceError(Self.cvrp(line: 12, "2 -6"), line: 12, "demand -6 is negative")
    }

    /// A demand larger than the capacity is reported on that node's DEMAND_SECTION line.
    @Test func demandOverCapacity() {
        expectInstanceError(Self.cvrp(line: 12, "2 11"), line: 12, "node 2 has demand 11, more than the vehicle capacity 10")
    }

    /// The depot must not have a demand.
    @Test func depotDemand() {
        expectInstanceError(Self.cvrp(line: 11, "1 3"), line: 11, "the depot has non-zero demand 3")
    }

    /// A CVRP without a DEPOT_SECTION, or with an empty one, has no depot.
    @Test func missingDepot() {
        expectInstanceError(Self.cvrp(removing: 14...16), line: 14, "without a DEPOT_SECTION")
        expectInstanceError(Self.cvrp(removing: 15...15), line: 14, "DEPOT_SECTION lists no depot")
    }

    /// The depot must be node 1, and there must be only one.
    @Test func depotOtherThanNodeOne() {
        expectInstanceError(Self.cvrp(line: 15, "2"), line: 15, "the depot is node 2", "node 1")
        expectInstanceError(Self.cvrp(line: 15, "1 3"), line: 15, "several depots (1, 3)")
    }

    /// DEPOT_SECTION must end with -1.
    @Test func depotSectionWithoutTerminator() {
        expectInstanceError(Self.cvrp(removing: 16...16), line: 16, "DEPOT_SECTION is not terminated by -1")
    }

    /// A CVRP without CAPACITY is reported on its TYPE line; without DEMAND_SECTION at the end.
    @Test func missingCapacityOrDemands() {
        expectInstanceError(Self.cvrp(removing: 5...5), line: 2, "TYPE CVRP needs a CAPACITY")
        expectInstanceError(Self.cvrp(removing: 10...13), line: 13, "without a DEMAND_SECTION")
    }

    /// The fleet given by VEHICLES must be able to carry the total demand.
    @Test func fleetTooSmall() {
        var lines = Self.cvrpLines
        lines[12] = "3 5"
        lines.insert("VEHICLES : 1", at: 4)
        expectInstanceError(lines.joined(separator: "\n"), line: 5, "1 vehicles of capacity 10 cannot carry the total demand 11")
    }

    /// An empty or blank file is an empty instance.
    @Test func emptyFile() {
        expectInstanceError("", line: 1, "the file is empty")
        expectInstanceError("\n\n  \n", line: 3, "the file is empty")
    }

    /// DIMENSION must be a positive whole number no larger than the supported maximum (checked before allocating).
    @Test func badDimension() {
        expectInstanceError(Self.cvrp(line: 3, "DIMENSION : 0"), line: 3, "DIMENSION must be positive, got 0")
        expectInstanceError(Self.cvrp(line: 3, "DIMENSION : -5"), line: 3, "DIMENSION must be positive, got -5")
        expectInstanceError(Self.cvrp(line: 3, "DIMENSION : 1000000000000"), line: 3,
                            "DIMENSION 1000000000000 is larger than the supported maximum of \(Instance.maximumDimension)")
        expectInstanceError(Self.cvrp(line: 3, "DIMENSION :"), line: 3, "DIMENSION has no value")
    }

    /// A DIMENSION larger than the nodes given is a dimension mismatch at the section's end.
    @Test func dimensionLargerThanData() {
        expectInstanceError(Self.cvrp(line: 3, "DIMENSION : 4"), line: 10, "after 3 of 4 nodes; node 4 is missing")
    }

    /// Binary garbage is refused at the line of the first control byte, from text and from a file.
    @Test func binaryGarbage() throws {
        expectInstanceError("NAME : x\nTYPE\u{0}\u{1}\u{2}: TSP\n", line: 2, "binary data (byte 0x00)")
        let directory = try TemporaryDirectory()
        var generator = SystemRandomNumberGenerator()
        let garbage = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let path = directory.path + "/garbage.tsp"
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: FormatError.self) { try InstanceReader.read(contentsOf: path) }
    }

    /// Features RouteOpt cannot honour are refused with "not supported" on their line.
    @Test func unsupportedFeatures() {
        expectInstanceError(Self.cvrp(inserting: "DISTANCE : 100", at: 5), line: 5, "DISTANCE", "not supported")
        expectInstanceError(Self.cvrp(inserting: "SERVICE_TIME : 10", at: 5), line: 5, "SERVICE_TIME", "not supported")
        expectInstanceError(Self.cvrp(inserting: "EDGE_DATA_FORMAT : EDGE_LIST", at: 5), line: 5, "edge-data", "not supported")
        expectInstanceError(Self.cvrp(line: 4, "EDGE_WEIGHT_TYPE : XRAY1"), line: 4, "EDGE_WEIGHT_TYPE XRAY1 is not supported")
        expectInstanceError(Self.cvrp(line: 4, "EDGE_WEIGHT_TYPE : WARP"), line: 4, "EDGE_WEIGHT_TYPE WARP is unknown")
        expectInstanceError(Self.cvrp(inserting: "TIME_WINDOW_SECTION", at: 14), line: 14, "time windows", "not supported")
        expectInstanceError(Self.cvrp(line: 2, "TYPE : SOP"), line: 2, "TYPE SOP is not supported")
        expectInstanceError(Self.tsp("TYPE: TSP", "DIMENSION: 2", "EDGE_WEIGHT_TYPE: EUC_2D", "NODE_COORD_SECTION", "1 0 0",
                                     "2 3 4", "FIXED_EDGES_SECTION", "1 2", "-1"),
                            line: 8, "fixed edges are not supported")
    }

    /// Coordinates must match the rule: THREED_COORDS nodes need three values, EUC_3D cannot use 2D nodes.
    @Test func coordinateDimensionMismatch() {
        expectInstanceError(Self.cvrp(inserting: "NODE_COORD_TYPE : THREED_COORDS", at: 4), line: 8, "node 1 has 2 values, expected 3")
        expectInstanceError(Self.cvrp(inserting: "NODE_COORD_TYPE : TWOD_COORDS", at: 4).replacingOccurrences(of: "EUC_2D", with: "EUC_3D"),
                            line: 4, "EUC_3D needs 3 coordinates per node")
    }

    /// A TSP with an asymmetric FULL_MATRIX is reported at the line of the mismatching entry.
    @Test func asymmetricMatrixForSymmetricTSP() {
        expectInstanceError(Self.tsp("TYPE: TSP", "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_FORMAT: FULL_MATRIX",
                                     "EDGE_WEIGHT_SECTION", "0 1 2", "5 0 3", "2 3 0"),
                            line: 7, "needs a symmetric matrix", "d(1,2) != d(2,1)")
    }

    /// A negative explicit edge weight is reported on its line.
    @Test func negativeEdgeWeight() {
        expectInstanceError(Self.tsp("TYPE: TSP", "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_FORMAT: UPPER_ROW",
                                     "EDGE_WEIGHT_SECTION", "1 2", "-3"),
                            line: 7, "edge weight -3 from node 2 to node 3 is negative")
    }

    /// Sections that need DIMENSION or EDGE_WEIGHT_FORMAT cannot come before them.
    @Test func sectionsBeforeTheirHeaders() {
        expectInstanceError(Self.tsp("TYPE: TSP", "NODE_COORD_SECTION", "1 0 0", "DIMENSION: 1"), line: 2,
                            "NODE_COORD_SECTION comes before DIMENSION")
        expectInstanceError(Self.tsp("TYPE: TSP", "DIMENSION: 2", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_SECTION", "1"), line: 4,
                            "EDGE_WEIGHT_SECTION comes before EDGE_WEIGHT_FORMAT")
    }

    /// A keyword or section given twice names the first occurrence.
    @Test func repeatedKeyword() {
        expectInstanceError(Self.cvrp(inserting: "DIMENSION : 3", at: 5), line: 5, "DIMENSION is given twice (first on line 3)")
        expectInstanceError(Self.cvrp(line: 17, "DEPOT_SECTION\n1\n-1"), line: 17, "DEPOT_SECTION is given twice (first on line 14)")
    }

    /// A tour file, or a CVRP keyword in a TSP, is not a valid instance.
    @Test func keywordsOfTheWrongProblem() {
        expectInstanceError("NAME : t\nTYPE : TOUR\nDIMENSION : 2\nTOUR_SECTION\n1\n2\n-1\n", line: 2, "this is a tour file")
        expectInstanceError(Self.cvrp(line: 2, "TYPE : TSP"), line: 5, "CAPACITY applies only to CVRP instances, but TYPE is TSP")
    }

    /// Missing TYPE, EDGE_WEIGHT_TYPE or NODE_COORD_SECTION are reported where the file ends.
    @Test func missingRequiredParts() {
        expectInstanceError(Self.cvrp(removing: 2...2), line: 16, "without TYPE")
        expectInstanceError(Self.cvrp(removing: 4...4), line: 16, "without EDGE_WEIGHT_TYPE")
        expectInstanceError(Self.cvrp(removing: 6...9), line: 13, "without a NODE_COORD_SECTION")
    }

    /// Numbers outside any section are not silently skipped.
    @Test func dataOutsideSections() {
        expectInstanceError(Self.cvrp(inserting: "7 7 7", at: 3), line: 3, "unexpected data '7' outside any section")
    }
}

/// Seeded sweeps of damaged files: every outcome is an instance or a FormatError, never a crash or hang.
@Suite struct InstanceReaderRobustnessTests {
    /// Valid files of several shapes to damage.
    static let seeds = [
        InstanceReaderErrorTests.cvrp(line: 1, "NAME : base"),
        "TYPE: TSP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: LOWER_DIAG_ROW\nEDGE_WEIGHT_SECTION\n0 1 0\n2 3 0 4 5 6 0\nEOF\n",
        "TYPE: ATSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: FULL_MATRIX\nEDGE_WEIGHT_SECTION\n9999 1 2\n3 9999 4\n5 6 9999\n",
        "TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: GEO\nNODE_COORD_SECTION\n1 16.47 96.10\n2 -20.09 92.54\n3 0 0\nEOF\n",
    ]

    /// Deleting, duplicating, swapping lines and replacing tokens or bytes never crashes the reader.
    @Test(arguments: 0..<4)
    func damagedFilesFailCleanly(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let junk = ["-1", "0", "nan", "1e999", "-7", "99999999999999999999", "EOF", "DIMENSION : 2", "DEPOT_SECTION",
                    "EDGE_WEIGHT_SECTION", ":", "\u{0}", "é", "", "3.5", "NODE_COORD_SECTION", "FIXED_EDGES_SECTION"]
        for round in 0..<400 {
            var lines = Self.seeds[round % Self.seeds.count].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<lines.count, using: &generator)
                switch Int.random(in: 0..<5, using: &generator) {
                case 0: lines.remove(at: index)
                case 1: lines.insert(lines[index], at: index)
                case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &generator))
                case 3:
                    var tokens = lines[index].split(separator: " ").map(String.init)
                    if tokens.isEmpty { tokens = [""] }
                    tokens[Int.random(in: 0..<tokens.count, using: &generator)] = junk.randomElement(using: &generator)!
                    lines[index] = tokens.joined(separator: " ")
                default:
                    lines[index] = String(lines[index].shuffled(using: &generator))
                }
                if lines.isEmpty { lines = [""] }
            }
            let text = lines.joined(separator: "\n")
            do {
                let instance = try InstanceReader.parse(text, file: "damaged")
                #expect(instance.dimension > 0)
            } catch {
                #expect(error.line != nil && !error.message.isEmpty, "\(error)")
            }
        }
    }
}
