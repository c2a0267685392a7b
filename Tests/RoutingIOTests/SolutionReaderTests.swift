import Testing
import RoutingCore
import RoutingIO

/// Tour and CVRPLIB solution files: format detection, numbering, and every way they can be wrong.
@Suite struct SolutionReaderTests {
    /// A 4-node TSP on a unit square.
    static let square = try! InstanceReader.parse(
        "TYPE: TSP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 0 10\n3 10 10\n4 10 0\n", file: "square.tsp")

    /// A CVRP with the depot and three customers.
    static let cvrp = try! InstanceReader.parse(
        "TYPE: CVRP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: EUC_2D\nCAPACITY: 10\nNODE_COORD_SECTION\n1 0 0\n2 0 10\n3 10 10\n4 10 0\n"
            + "DEMAND_SECTION\n1 0\n2 3\n3 3\n4 3\nDEPOT_SECTION\n1\n-1\n", file: "c.vrp")

    /// A TSPLIB tour becomes a 0-based tour, whatever the line layout.
    @Test func readsTour() throws {
        let text = "NAME : square.tour\nCOMMENT : x\nTYPE : TOUR\nDIMENSION : 4\nTOUR_SECTION\n1\n3 2\n4\n-1\nEOF\n"
        #expect(try SolutionReader.parse(text, file: "s.tour", for: Self.square) == .tour([0, 2, 1, 3]))
        let bare = "TOUR_SECTION\r\n1 2 3 4 -1\r\n-1\r\n"
        #expect(try SolutionReader.parse(bare, file: "s.tour", for: Self.square) == .tour([0, 1, 2, 3]))
    }

    /// A CVRPLIB solution keeps route order and customer numbers (customer k = node k, depot = node 0).
    @Test func readsCVRPLIBSolution() throws {
        let text = "Route #1: 3 1\nRoute #2: 2\nCost 60\n"
        #expect(try SolutionReader.parse(text, file: "c.sol", for: Self.cvrp) == .routes([[3, 1], [2]]))
        let spaced = "route # 1 :\t2 1 3\r\ncost: 40\r\n"
        #expect(try SolutionReader.parse(spaced, file: "c.sol", for: Self.cvrp) == .routes([[2, 1, 3]]))
    }

    /// A tour that misses a node names it at the -1 line.
    @Test func tourWithWrongNodeCount() {
        expectSolutionError("TOUR_SECTION\n1\n2\n3\n-1\n", for: Self.square, line: 5, "visits 3 of 4 nodes; node 4 is missing")
    }

    /// A repeated node names both lines.
    @Test func tourWithRepeatedNode() {
        expectSolutionError("TOUR_SECTION\n1\n2\n2\n4\n-1\n", for: Self.square, line: 4, "node 2 is visited twice (first on line 3)")
    }

    /// Node numbers outside 1…n are refused.
    @Test func tourWithNodeOutOfRange() {
        expectSolutionError("TOUR_SECTION\n1 2 3 5\n-1\n", for: Self.square, line: 2, "node 5 is out of range 1…4")
        expectSolutionError("TOUR_SECTION\n0 1 2 3\n-1\n", for: Self.square, line: 2, "node 0 is out of range")
    }

    /// Non-numeric tokens are quoted.
    @Test func tourWithNonNumericToken() {
        expectSolutionError("TOUR_SECTION\n1 2 x 4\n-1\n", for: Self.square, line: 2, "node number 'x' is not a whole number")
    }

    /// A tour without its -1 terminator is refused, whether the file ends or EOF comes first.
    @Test func tourWithoutTerminator() {
        expectSolutionError("TOUR_SECTION\n1 2 3 4\n", for: Self.square, line: 2, "not terminated by -1")
        expectSolutionError("TOUR_SECTION\n1 2 3 4\nEOF\n", for: Self.square, line: 3, "not terminated by -1")
    }

    /// A tour header that contradicts the instance or is not a tour is refused.
    @Test func tourHeaderMismatch() {
        expectSolutionError("DIMENSION : 5\nTOUR_SECTION\n1 2 3 4 -1\n", for: Self.square, line: 1, "DIMENSION 5", "4 nodes")
        expectSolutionError("TYPE : TSP\nTOUR_SECTION\n1 2 3 4 -1\n", for: Self.square, line: 1, "TYPE : TOUR")
        expectSolutionError("NAME : x\nCAPACITY : 3\nTOUR_SECTION\n1 2 3 4 -1\n", for: Self.square, line: 2, "unexpected keyword 'CAPACITY'")
    }

    /// A tour for a CVRP, or a CVRPLIB solution for a TSP, is the wrong kind of file.
    @Test func wrongFileKindForInstance() {
        expectSolutionError("TOUR_SECTION\n1 2 3 4 -1\n", for: Self.cvrp, line: 1, "expected a CVRPLIB .sol")
        expectSolutionError("Route #1: 1 2 3\n", for: Self.square, line: 1, "expected a TSPLIB .tour")
    }

    /// A CVRPLIB solution with a repeated, missing, out-of-range or depot customer is refused on the right line.
    @Test func badCustomers() {
        expectSolutionError("Route #1: 1 2\nRoute #2: 2 3\n", for: Self.cvrp, line: 2, "customer 2 is visited twice (first on line 1)")
        expectSolutionError("Route #1: 1 2\nCost 10\n", for: Self.cvrp, line: 2, "visit 2 of 3 customers; customer 3 is in no route")
        expectSolutionError("Route #1: 1 2 4\n", for: Self.cvrp, line: 1, "customer 4 is out of range 1…3")
        expectSolutionError("Route #1: 0 1 2 3\n", for: Self.cvrp, line: 1, "customer 0 is the depot")
        expectSolutionError("Route #1: 1 two 3\n", for: Self.cvrp, line: 1, "customer 'two' is not a whole number")
    }

    /// Malformed route and cost lines and foreign lines are reported.
    @Test func malformedLines() {
        expectSolutionError("Route 1: 1 2 3\n", for: Self.cvrp, line: 1, "missing '#'")
        expectSolutionError("Route #1 1 2 3\n", for: Self.cvrp, line: 1, "missing ':'")
        expectSolutionError("Route #1: 1 2 3\nCost nan\n", for: Self.cvrp, line: 2, "cost 'nan' is not a finite number")
        expectSolutionError("Route #1: 1 2 3\nCost 4\nCost 5\n", for: Self.cvrp, line: 3, "a second Cost line")
        expectSolutionError("Route #1: 1 2 3\nVehicles 1\n", for: Self.cvrp, line: 2, "unexpected 'Vehicles'")
    }

    /// Text that is neither format, or empty, is refused at its first line.
    @Test func notASolution() {
        expectSolutionError("hello\nworld\n", for: Self.cvrp, line: 1, "not a solution file")
        expectSolutionError("", for: Self.cvrp, line: 1, "the file is empty")
    }

    /// Damaged tours and CVRPLIB solutions give a solution or a FormatError with a line, never a crash.
    @Test func damagedSolutionsFailCleanly() {
        var generator = SeededGenerator(seed: 7)
        let seeds = [("TYPE : TOUR\nDIMENSION : 4\nTOUR_SECTION\n1\n3\n2\n4\n-1\nEOF", Self.square),
                     ("Route #1: 3 1\nRoute #2: 2\nCost 60", Self.cvrp)]
        let junk = ["-1", "0", "5", "nan", "x", "#", ":", "Route", "Cost", "EOF", "TOUR_SECTION", "99999999999999999999"]
        for round in 0..<400 {
            let (seed, instance) = seeds[round % 2]
            var tokens = seed.split(separator: " ", omittingEmptySubsequences: false).flatMap {
                $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + ["\n"]
            }
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<tokens.count, using: &generator)
                if Bool.random(using: &generator) { tokens.remove(at: index) } else {
                    tokens.insert(junk.randomElement(using: &generator)!, at: index)
                }
                if tokens.isEmpty { tokens = [""] }
            }
            let text = tokens.joined(separator: " ")
            do {
                _ = try SolutionReader.parse(text, file: "damaged", for: instance)
            } catch {
                #expect(error.line != nil && !error.message.isEmpty, "\(error)")
            }
        }
    }
}
