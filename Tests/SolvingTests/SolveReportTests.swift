import Foundation
import Testing
import RoutingCore
@testable import Solving

@Suite struct SolveReportTests {
    private func report(bound: Cost?, bestKnown: Cost?) -> SolveReport {
        SolveReport(name: "eil51", problem: .tsp, dimension: 51, cost: 430, status: .feasible, bound: bound,
                    gap: bound.map { Double(430 - $0) / 430 }, method: "heuristic", seconds: 1.23456,
                    solutionFile: "solutions/eil51.tour", bestKnown: bestKnown, bestKnownIsOptimal: bestKnown.map { _ in true },
                    seed: 3)
    }

    /// The JSON line carries every contract field, with null for absent values, and parses back.
    @Test func jsonHasContractFields() throws {
        let line = report(bound: nil, bestKnown: 426).jsonLine
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "eil51")
        #expect(object["cost"] as? Int == 430)
        #expect(object["status"] as? String == "feasible")
        #expect(object["bound"] is NSNull)
        #expect(object["gap"] is NSNull)
        #expect(object["method"] as? String == "heuristic")
        #expect(object["seconds"] as? Double == 1.235)
        #expect(object["solution_file"] as? String == "solutions/eil51.tour")
        let gap = try #require(object["gap_to_best_known_percent"] as? Double)
        #expect(abs(gap - 100.0 * 4 / 426) < 1e-9)
    }

    /// A policy run's JSON carries `model` and `decoding` (null for other methods), and its human line
    /// names the checkpoint file and the decoding after the method.
    @Test func policyFields() throws {
        var policy = report(bound: nil, bestKnown: nil)
        policy.method = "policy"
        policy.model = "/x/checkpoints/tsp50-pomo.safetensors"
        policy.decoding = "multistart-aug8"
        let object = try #require(try JSONSerialization.jsonObject(with: Data(policy.jsonLine.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "/x/checkpoints/tsp50-pomo.safetensors")
        #expect(object["decoding"] as? String == "multistart-aug8")
        #expect(policy.humanLine.contains("policy (tsp50-pomo.safetensors, multistart-aug8), 1.23 s"))
        let plain = try #require(try JSONSerialization.jsonObject(with: Data(report(bound: nil, bestKnown: nil).jsonLine.utf8))
            as? [String: Any])
        #expect(plain["model"] is NSNull && plain["decoding"] is NSNull)
    }

    /// The human line names cost, status, bound and gap, method, time and the file.
    @Test func humanLineReadsWell() {
        let line = report(bound: 400, bestKnown: nil).humanLine
        #expect(line == "eil51: cost 430, feasible, bound 400 (gap 6.98 %), heuristic, 1.23 s -> solutions/eil51.tour")
    }

    /// The default solution path uses the instance name and the format's extension, with unsafe characters replaced.
    @Test func defaultPaths() throws {
        let matrix = try DistanceMatrix(count: 3) { _, _ in 1 }
        let tsp = try Instance(name: "a/b c", kind: .tsp, distances: matrix)
        #expect(SolvePipeline.defaultSolutionPath(for: tsp) == "solutions/a_b_c.tour")
        let cvrp = try Instance(name: "X-n3", kind: .cvrp, distances: matrix, demands: [0, 1, 1], capacity: 5)
        #expect(SolvePipeline.defaultSolutionPath(for: cvrp) == "solutions/X-n3.sol")
    }

    /// The pipeline solves, re-validates and writes; the report's cost equals the written file's cost.
    @Test func pipelineWritesValidatedSolution() throws {
        var rng = SeededGenerator(seed: 5)
        let points = (0..<12).map { _ in Point(x: rng.nextUnit() * 100, y: rng.nextUnit() * 100) }
        let matrix = try DistanceMatrix(count: 12) { i, j in Int(points[i].distance(to: points[j]).rounded()) }
        let instance = try Instance(name: "pipe", kind: .tsp, distances: matrix, coordinates: points)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString).tour").path
        let pipeline = SolvePipeline(method: .heuristic, limits: SolveLimits(timeLimit: 0.2, seed: 1, iterationLimit: 50))
        let report = try pipeline.run(instance: instance, instancePath: nil, outputPath: path)
        #expect(report.solutionFile == path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("TOUR_SECTION"))
        #expect(report.cost > 0)
    }
}
