import Foundation
import Testing

/// `solve --method policy` end to end, with a tiny POMO policy trained by `routeopt train` (so the
/// checkpoint is exactly what a training run writes).
@Suite(.serialized) struct SolvePolicyCommandTests {
    /// Trains a 2-step TSP6 POMO policy into a temporary run folder and returns its best.safetensors.
    private static func trainedPolicy() throws -> URL {
        let run = try CommandRunner.temporaryDirectory().appendingPathComponent("run")
        let train = try CommandRunner.run(["train", "--problem", "tsp", "--size", "6", "--architecture", "pomo",
                                           "--batch", "8", "--epoch-size", "16", "--validation-size", "6", "--width", "8",
                                           "--layers", "1", "--epochs", "1", "--output", run.path])
        #expect(train.status == 0, "stderr: \(train.stderr)")
        return run.appendingPathComponent("best.safetensors")
    }

    private static func json(_ stdout: String) throws -> [String: Any] {
        let last = try #require(stdout.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
    }

    /// Without --model the checkpoint in ./checkpoints is found and decoded with POMO's default ×8
    /// multi-start; with --model, --decode greedy and --polish the named file is used. Both write tours
    /// that pass the independent checker at the reported cost, and the JSON names model and decoding.
    @Test func solvesWithShippedAndNamedCheckpoints() throws {
        let best = try Self.trainedPolicy()
        let directory = try CommandRunner.temporaryDirectory()
        let folder = directory.appendingPathComponent("checkpoints")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: best, to: folder.appendingPathComponent("tsp6-pomo.safetensors"))
        let instance = CommandRunner.repositoryRoot.appendingPathComponent("instances/burma14.tsp").path
        let cases: [([String], String, String)] = [
            ([], "checkpoints/tsp6-pomo.safetensors", "multistart-aug8"),
            (["--model", best.path, "--decode", "greedy", "--polish"], best.path, "greedy"),
        ]
        for (index, (options, model, decoding)) in cases.enumerated() {
            let output = directory.appendingPathComponent("burma14-\(index).tour").path
            let run = try CommandRunner.run(["solve", instance, "--method", "policy", "--json", "--output", output] + options,
                                            in: directory)
            #expect(run.status == 0, "stderr: \(run.stderr)")
            let object = try Self.json(run.stdout)
            #expect((object["model"] as? String)?.hasSuffix(model) == true, "\(object)")
            #expect(object["decoding"] as? String == decoding && object["method"] as? String == "policy")
            let cost = try #require(object["cost"] as? Int)
            #expect(cost >= 3323)
            if let checked = try CommandRunner.routecheck(instance: instance, solution: output) {
                #expect(checked == "cost=\(cost) feasible")
            }
        }
    }

    /// A missing checkpoint file and instances without coordinates (explicit matrix, ATSP) are errors
    /// (exit 1) with messages naming the problem, and no solution file is written.
    @Test func refusesMissingCheckpointAndMatrixInstances() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let output = directory.appendingPathComponent("never.tour").path
        let missing = try CommandRunner.run(["solve", "instances/burma14.tsp", "--method", "policy", "--model",
                                             "/nonexistent/tsp20-pomo.safetensors", "--output", output])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/tsp20-pomo.safetensors"))
        for file in ["instances/gr24.tsp", "instances/br17.atsp"] {
            let run = try CommandRunner.run(["solve", file, "--method", "policy", "--model", "checkpoints/tsp20-pomo.safetensors",
                                             "--output", output])
            #expect(run.status == 1, "\(file)")
            #expect(run.stderr.contains("the policy needs node coordinates") && run.stderr.contains("matrix policy"))
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// A bad --decode value is a usage error (exit 2) naming the value; policy options with another
    /// method are usage errors too.
    @Test func badDecodeIsAUsageError() throws {
        for value in ["beam", "sample:0", "sample:x"] {
            let run = try CommandRunner.run(["solve", "instances/burma14.tsp", "--method", "policy", "--decode", value])
            #expect(run.status == 2, "\(value)")
            #expect(run.stderr.contains("'\(value)'"), "\(run.stderr)")
        }
        let mixed = try CommandRunner.run(["solve", "instances/burma14.tsp", "--method", "heuristic", "--polish"])
        #expect(mixed.status == 2 && mixed.stderr.contains("--polish applies to --method policy only"))
    }
}
