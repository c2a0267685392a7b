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
            (["--problem", "atsp", "--size", "20"], "--architecture pomo"),
            (["--problem", "atsp", "--size", "20", "--architecture", "pomo"], "--data CITY_DIR"),
            (["--problem", "tsp", "--size", "20", "--data", "x"], "--problem atsp|acvrp"),
            (["--problem", "acvrp", "--size", "20", "--architecture", "pomo", "--data", "x", "--objective", "speed"], "--objective"),
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

    /// The matrix policy trains on a city dataset (the shared Monaco data) and its log and best policy are written;
    /// a missing or broken dataset is an error naming the file.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: monaco.path), "shared/realworld not beside the repository"))
    func trainsTheMatrixPolicyOnACity() throws {
        let directory = try CommandRunner.temporaryDirectory().appendingPathComponent("atsp")
        let run = try CommandRunner.run(["train", "--problem", "atsp", "--size", "8", "--architecture", "pomo",
                                         "--data", Self.monaco.path, "--objective", "distance", "--batch", "4",
                                         "--epoch-size", "8", "--epochs", "1", "--validation-size", "4", "--width", "8",
                                         "--layers", "1", "--no-reference", "--output", directory.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("completed: epoch 1, step 2"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("best.safetensors").path))
        let config = try String(contentsOf: directory.appendingPathComponent("config.json"), encoding: .utf8)
        #expect(config.contains("\"objective\" : \"distance\"") && config.contains("monaco-1000"))
        let broken = try CommandRunner.run(["train", "--problem", "atsp", "--size", "8", "--architecture", "pomo",
                                            "--data", "/nonexistent/city", "--output", directory.path + "-2"])
        #expect(broken.status == 1 && broken.stderr.contains("/nonexistent/city/points.csv"), "\(broken.stderr)")
    }

    static let monaco = CommandRunner.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld/monaco-1000")
}
