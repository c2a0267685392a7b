import Foundation
import Testing

@Suite(.serialized) struct TrainCommandTests {
    static let tiny = ["--problem", "tsp", "--size", "6", "--batch", "8", "--epoch-size", "16", "--validation-size", "6",
                       "--baseline-evaluation-size", "8", "--width", "8", "--layers", "1", "--log-every", "1"]

    /// A tiny run writes its files and a log; `--resume` with more epochs continues from the saved step,
    /// appends to the log and to command.txt.
    @Test func trainsAndResumes() throws {
        let directory = try CommandRunner.temporaryDirectory().appendingPathComponent("run")
        let first = try CommandRunner.run(["train"] + Self.tiny + ["--epochs", "1", "--output", directory.path])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("completed: epoch 1, step 2"))
        #expect(first.stderr.contains("validation at step 2: greedy"))
        for file in ["config.json", "command.txt", "log.jsonl", "last.safetensors", "best.safetensors"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file)")
        }
        let logBefore = try String(contentsOf: directory.appendingPathComponent("log.jsonl"), encoding: .utf8)
        let second = try CommandRunner.run(["train", "--resume", "--output", directory.path, "--epochs", "2"])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stderr.contains("resuming") && second.stderr.contains("at epoch 1, step 2"))
        #expect(second.stdout.contains("completed: epoch 2, step 4"))
        let logAfter = try String(contentsOf: directory.appendingPathComponent("log.jsonl"), encoding: .utf8)
        #expect(logAfter.hasPrefix(logBefore) && logAfter.count > logBefore.count)
        let commands = try String(contentsOf: directory.appendingPathComponent("command.txt"), encoding: .utf8)
        #expect(commands.split(separator: "\n").count == 2)
        let mismatch = try CommandRunner.run(["train", "--resume", "--output", directory.path, "--batch", "4"])
        #expect(mismatch.status == 2)
        #expect(mismatch.stderr.contains("batchSize (checkpoint 8, requested 4)"))
    }

    /// Unsupported combinations and bad values are usage errors (exit 2) naming the option; resuming a
    /// missing run is an error (exit 1).
    @Test func badOptions() throws {
        let cases: [([String], String)] = [
            (["--problem", "tsp", "--size", "20", "--architecture", "pomo", "--baseline", "rollout"], "--baseline rollout"),
            (["--problem", "cvrp", "--size", "20", "--architecture", "pomo", "--baseline", "exponential"], "--baseline exponential"),
            (["--problem", "atsp", "--size", "20"], "matrix policy"),
            (["--problem", "tsp", "--size", "20", "--threads", "3"], "--threads"),
            (["--problem", "tsp"], "--size"),
        ]
        for (arguments, message) in cases {
            let run = try CommandRunner.run(["train"] + arguments + ["--output", "/nonexistent/never"])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        let missing = try CommandRunner.run(["train", "--resume", "--output", "/nonexistent/run"])
        #expect(missing.status == 1 && missing.stderr.contains("no checkpoint to resume"))
    }
}
