import Foundation
import Testing
import RoutingCore
import RoutingTestSupport
@testable import RoutingIO

/// Writing .tour and .sol files: exact text, round trips through the reader, atomic writes, and the
/// independent checker routecheck.py.
@Suite struct SolutionWriterTests {
    /// The .tour text has the TSPLIB header, 1-based nodes in order, -1 and EOF; the comment carries the cost.
    @Test func tourText() {
        let text = SolutionWriter.text(for: .tour([0, 2, 1, 3]), instance: SolutionReaderTests.square, cost: 40,
                                       comment: "found by\nhand")
        #expect(text == """
            NAME : square.tour
            TYPE : TOUR
            COMMENT : found by hand; cost 40
            DIMENSION : 4
            TOUR_SECTION
            1
            3
            2
            4
            -1
            EOF

            """)
    }

    /// The .sol text lists non-empty routes in driving order, renumbered, then the cost.
    @Test func solutionText() {
        let text = SolutionWriter.text(for: .routes([[3, 1], [], [2]]), instance: SolutionReaderTests.cvrp, cost: 60)
        #expect(text == "Route #1: 3 1\nRoute #2: 2\nCost 60\n")
    }

    /// The extension follows the problem kind.
    @Test func fileExtensions() {
        #expect(ProblemKind.allCases.map(SolutionWriter.fileExtension(for:)) == ["tour", "tour", "sol", "sol"])
    }

    /// Written TSP, ATSP, CVRP and ACVRP solutions read back unchanged (empty routes dropped).
    @Test(arguments: 0..<4)
    func roundTrip(seed: UInt64) throws {
        let instances = [RandomInstances.euclideanTSP(9, seed: seed), RandomInstances.randomATSP(7, seed: seed),
                         RandomInstances.cvrp(customers: 8, capacity: 100, seed: seed),
                         RandomInstances.cvrp(customers: 8, capacity: 100, seed: seed, asymmetric: true)]
        for instance in instances {
            var generator = SeededGenerator(seed: seed)
            let solution: Solution
            if instance.kind.isVehicleRouting {
                let order = instance.customers.shuffled(using: &generator)
                solution = .routes([Array(order.prefix(3)), [], Array(order.dropFirst(3))])
            } else {
                solution = .tour(Array(0..<instance.dimension).shuffled(using: &generator))
            }
            let cost = try Evaluator.evaluate(solution, in: instance)
            let text = SolutionWriter.text(for: solution, instance: instance, cost: cost)
            let read = try SolutionReader.parse(text, file: "round-trip", for: instance)
            #expect(read == solution.withoutEmptyRoutes)
            #expect(try Evaluator.evaluate(read, in: instance) == cost)
        }
    }

    /// write() creates missing directories, replaces an existing file and leaves no temporary file behind.
    @Test func writesAtomicallyIntoNewDirectories() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/a/b/square.tour"
        try SolutionWriter.write(.tour([0, 1, 2, 3]), instance: SolutionReaderTests.square, cost: 40, to: path)
        try SolutionWriter.write(.tour([1, 2, 3, 0]), instance: SolutionReaderTests.square, cost: 40, to: path)
        #expect(try SolutionReader.read(contentsOf: path, for: SolutionReaderTests.square) == .tour([1, 2, 3, 0]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/a/b") == ["square.tour"])
    }

    /// A path that cannot be written (its parent is a file) is a FormatError naming the path.
    @Test func unwritablePathIsReported() throws {
        let directory = try TemporaryDirectory()
        let blocker = try directory.write("x", to: "file")
        #expect(throws: FormatError.self) {
            try SolutionWriter.write(.tour([0, 1, 2, 3]), instance: SolutionReaderTests.square, cost: 40, to: blocker + "/s.tour")
        }
    }

    /// Files written for hand-made TSP, ATSP (explicit, asymmetric) and ACVRP instances pass routecheck.py
    /// with the Evaluator's cost.
    @Test(.enabled(if: RouteCheck.isAvailable, "python3 or routecheck.py not available"),
          arguments: RouteCheck.cases)
    func writtenFilesPassRouteCheck(instanceText: String, solution: Solution) throws {
        let directory = try TemporaryDirectory()
        let instancePath = try directory.write(instanceText, to: "case.txt")
        let instance = try InstanceReader.read(contentsOf: instancePath)
        let cost = try Evaluator.evaluate(solution, in: instance)
        let solutionPath = directory.path + "/out/case." + SolutionWriter.fileExtension(for: instance.kind)
        try SolutionWriter.write(solution, instance: instance, cost: cost, to: solutionPath)
        #expect(try RouteCheck.run(instance: instancePath, solution: solutionPath) == "cost=\(cost) feasible")
    }
}

/// Runs the reference checker `shared/tools/routecheck.py`.
enum RouteCheck {
    static let script: String? = SharedInstances.directory.map {
        $0.deletingLastPathComponent().appendingPathComponent("tools/routecheck.py").path
    }

    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool {
        python != nil && script.map { FileManager.default.fileExists(atPath: $0) } == true
    }

    /// Hand-made instances covering each writer path and an asymmetric route order.
    static let cases: [(String, Solution)] = [
        ("NAME: geo\nTYPE: TSP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: GEO\nNODE_COORD_SECTION\n1 16.47 96.10\n2 16.47 94.44\n"
            + "3 20.09 92.54\n4 -22.39 93.37\nEOF\n", .tour([0, 2, 3, 1])),
        ("NAME: a\nTYPE: ATSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: FULL_MATRIX\nEDGE_WEIGHT_SECTION\n"
            + "9999 1 20\n30 9999 2\n3 40 9999\nEOF\n", .tour([0, 2, 1])),
        ("NAME: v\nTYPE: CVRP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: FULL_MATRIX\nCAPACITY: 5\n"
            + "EDGE_WEIGHT_SECTION\n0 1 9 9\n9 0 1 9\n1 9 0 9\n2 9 9 0\nDEMAND_SECTION\n1 0\n2 2\n3 2\n4 5\n"
            + "DEPOT_SECTION\n1\n-1\nEOF\n", .routes([[1, 2], [], [3]])),
    ]

    /// The checker's output line.
    static func run(instance: String, solution: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [script!, instance, solution]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
