import Foundation
import Policies
import RoutingCore
import RoutingIO
import Testing
@testable import Solving

@Suite struct PolicySolverTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private static func bundled(_ name: String) throws -> (instance: Instance, path: String) {
        let path = repository.appendingPathComponent("instances/\(name)").path
        return (try InstanceReader.read(contentsOf: path), path)
    }

    private static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("routeopt-solve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes a random-initialised tiny policy into `folder` under `name`, as a training run writes best.safetensors.
    @discardableResult
    private static func checkpoint(_ problem: ProblemKind, _ architecture: PolicyArchitecture, in folder: String,
                                   name: String) throws -> String {
        var configuration = TrainingConfiguration(problem: problem, size: 20, architecture: architecture)
        configuration.model = .init(width: 16, layers: 1, heads: 2, feedForward: 32)
        if problem.isAsymmetric { configuration.data = "test-city" }
        let path = folder + "/" + name
        try PolicyCheckpoint.write(TrainedPolicy(configuration: configuration, seed: 5).tensors,
                                   configuration: configuration, to: path)
        return path
    }

    private static func solve(_ file: String, options: PolicyOptions, limits: SolveLimits = SolveLimits(timeLimit: 5))
        throws -> (report: SolveReport, written: Solution, instance: Instance) {
        let (instance, path) = try bundled(file)
        let output = try temporaryFolder() + "/" + file + ".out"
        let report = try SolvePipeline(method: .policy, limits: limits, policy: options)
            .run(instance: instance, instancePath: path, outputPath: output)
        return (report, try SolutionReader.read(contentsOf: output, for: instance), instance)
    }

    /// TSP files with EUC_2D, GEO and ATT distances and an explicit matrix with display coordinates:
    /// POMO's default ×8 decoding writes a feasible tour whose cost, on the file's own distances, is the
    /// reported one; the report names the model and the decoding.
    @Test(arguments: ["burma14.tsp", "bayg29.tsp", "att48.tsp"])
    func solvesBundledTSP(file: String) throws {
        let folder = try Self.temporaryFolder()
        let model = try Self.checkpoint(.tsp, .pomo, in: folder, name: "tsp20-pomo.safetensors")
        let (report, written, instance) = try Self.solve(file, options: PolicyOptions(model: model))
        #expect(try Evaluator.evaluate(written, in: instance) == report.cost)
        #expect(report.method == "policy" && report.model == model && report.decoding == "multistart-aug8")
        #expect(report.cost >= report.bestKnown ?? 0)
    }

    /// CVRP files: the attention model's greedy and sampled solutions and POMO's default ×8 decoding are
    /// feasible and reported at their own cost.
    @Test(arguments: ["P-n16-k8.vrp", "E-n22-k4.vrp"])
    func solvesBundledCVRP(file: String) throws {
        let folder = try Self.temporaryFolder()
        let attention = try Self.checkpoint(.cvrp, .attention, in: folder, name: "cvrp20-attention.safetensors")
        let pomo = try Self.checkpoint(.cvrp, .pomo, in: folder, name: "cvrp20-pomo.safetensors")
        let runs: [(String, PolicyDecoding?, String)] = [(attention, .greedy, "greedy"), (attention, .sample(count: 8), "sample:8"),
                                                         (pomo, nil, "multistart-aug8")]
        for (model, decoding, name) in runs {
            let (report, written, instance) = try Self.solve(file, options: PolicyOptions(model: model, decoding: decoding))
            #expect(try Evaluator.evaluate(written, in: instance) == report.cost)
            #expect(report.decoding == name)
        }
    }

    /// `--polish` never makes the decoded solution worse (TSP and CVRP), and its result is feasible.
    @Test(arguments: [("att48.tsp", ProblemKind.tsp), ("E-n22-k4.vrp", .cvrp)])
    func polishNeverWorsens(file: String, problem: ProblemKind) throws {
        let folder = try Self.temporaryFolder()
        let model = try Self.checkpoint(problem, .attention, in: folder, name: "m.safetensors")
        for seed in UInt64(1)...3 {
            let limits = SolveLimits(timeLimit: 5, seed: seed)
            let plain = try Self.solve(file, options: PolicyOptions(model: model, decoding: .sample(count: 4)), limits: limits)
            let polished = try Self.solve(file, options: PolicyOptions(model: model, decoding: .sample(count: 4), polish: true),
                                          limits: limits)
            #expect(polished.report.cost <= plain.report.cost)
            #expect(try Evaluator.evaluate(polished.written, in: polished.instance) == polished.report.cost)
        }
    }

    /// Without `--model` the checkpoint for the problem and nearest size is used: a TSP of 14 cities
    /// takes `tsp20` over `tsp50`, and an attention model there decodes greedily by default; an `EXPLICIT` file
    /// (bayg29: its coordinates are display data) goes to the matrix policy.
    @Test func picksShippedCheckpoint() throws {
        let folder = try Self.temporaryFolder()
        let near = try Self.checkpoint(.tsp, .attention, in: folder, name: "tsp20-attention.safetensors")
        try Self.checkpoint(.tsp, .pomo, in: folder, name: "tsp50-pomo.safetensors")
        let options = PolicyOptions(checkpoints: ShippedCheckpoints(folders: [folder]))
        let (report, _, _) = try Self.solve("burma14.tsp", options: options)
        #expect(report.model == near && report.decoding == "greedy")
        let matrix = try Self.checkpoint(.atsp, .pomo, in: folder, name: "atsp50-pomo.safetensors")
        let (explicit, _, _) = try Self.solve("bayg29.tsp", options: options)
        #expect(explicit.model == matrix && explicit.decoding == "multistart-aug128")
    }

    /// Matrix-only and asymmetric instances are refused before any checkpoint is looked for; a missing
    /// checkpoint names the folders searched; a fleet the policy cannot meet fails with a reason.
    @Test func refusals() throws {
        let empty = PolicyOptions(checkpoints: ShippedCheckpoints(folders: ["/nonexistent/checkpoints"]))
        let coordinatePolicy = try Self.checkpoint(.tsp, .pomo, in: try Self.temporaryFolder(), name: "tsp.safetensors")
        for file in ["gr24.tsp", "br17.atsp"] {
            let (instance, _) = try Self.bundled(file)
            // Matrix-only and asymmetric files go to the matrix policy (none here) ...
            #expect(throws: PolicyError.noCheckpoint(problem: .atsp, searched: ["/nonexistent/checkpoints"])) {
                try PolicySolver.load(empty, for: instance)
            }
            // ... and a coordinate policy cannot read them.
            #expect(throws: PolicyError.needsCoordinates(instance: instance.name, kind: instance.kind)) {
                try PolicySolver.load(PolicyOptions(model: coordinatePolicy), for: instance)
            }
        }
        let (eil51, _) = try Self.bundled("eil51.tsp")
        #expect(throws: PolicyError.noCheckpoint(problem: .tsp, searched: ["/nonexistent/checkpoints"])) {
            try PolicySolver.load(empty, for: eil51)
        }
        let folder = try Self.temporaryFolder()
        let model = try Self.checkpoint(.cvrp, .attention, in: folder, name: "m.safetensors")
        let matrix = try DistanceMatrix(count: 4) { i, j in 10 + i + j }
        let tight = try Instance(name: "tight", kind: .cvrp, distances: matrix,
                                 coordinates: [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 0, y: 1), Point(x: 1, y: 1)],
                                 demands: [0, 6, 6, 6], capacity: 10, vehicleLimit: 2)
        let solver = try PolicySolver.load(PolicyOptions(model: model), for: tight)
        do {
            _ = try solver.solve(tight, limits: SolveLimits())
            Issue.record("a solution with 3 routes for 2 vehicles was accepted")
        } catch {
            #expect("\(error)".contains("3 routes but only 2 vehicles") && "\(error)".contains("--method heuristic"))
        }
    }
}
