import Foundation
import Tensor

/// The run's files: `last.safetensors` (a ``TrainingState``: model parameters and batch-norm running
/// statistics, the rollout baseline's weights under `baseline.`, Adam's moments; metadata `step`, `epoch`,
/// `model_config` = the ``TrainingConfiguration`` JSON, `rng_state` = the `data`, `trainer` and `baseline`
/// streams, and `trainer.*` = ``Counters`` plus the baseline's moving average and evaluation-set seed) and
/// `best.safetensors` (a ``PolicyCheckpoint``, format `routeopt.policy.v1`: the policy's tensors only, with
/// `model_config`, `step`, `epoch`, `validation_cost` and `validation_gap_percent`).
extension TrainingRun {
    /// Position and totals of a run, saved in the checkpoint's metadata.
    struct Counters: Equatable {
        var step = 0, epoch = 0
        /// Instances trained on in the current epoch.
        var position = 0
        var instances = 0, skippedSteps = 0
        /// Step of the latest validation.
        var validatedStep = 0
        var bestValidation: Double?

        /// As checkpoint metadata entries (exact decimal text).
        var metadata: [String: String] {
            var entries = ["position": "\(position)", "instances": "\(instances)", "skipped_steps": "\(skippedSteps)",
                           "validated_step": "\(validatedStep)"]
            if let bestValidation { entries["best_validation"] = "\(bestValidation)" }
            return entries
        }

        /// Restores the entries of ``metadata``.
        init(step: Int, epoch: Int, metadata: [String: String]) throws(TrainingError) {
            self.step = step
            self.epoch = epoch
            func integer(_ key: String) throws(TrainingError) -> Int {
                guard let text = metadata[key], let value = Int(text), value >= 0 else {
                    throw .invalidCheckpoint("metadata trainer.\(key) is missing or not a count")
                }
                return value
            }
            position = try integer("position")
            instances = try integer("instances")
            skippedSteps = try integer("skipped_steps")
            validatedStep = try integer("validated_step")
            bestValidation = metadata["best_validation"].flatMap(Double.init)
        }

        init() {}
    }

    var lastPath: String { file("last.safetensors") }
    var bestPath: String { file("best.safetensors") }

    func file(_ name: String) -> String { URL(fileURLWithPath: options.directory).appendingPathComponent(name).path }

    /// The configuration saved in `directory`'s `last.safetensors` (for `--resume` without options).
    public static func savedConfiguration(in directory: String) throws(TrainingError) -> TrainingConfiguration {
        let path = URL(fileURLWithPath: directory).appendingPathComponent("last.safetensors").path
        guard FileManager.default.fileExists(atPath: path) else { throw .nothingToResume(path) }
        let checkpoint: Checkpoint
        do { checkpoint = try Checkpoint.read(from: path) } catch { throw .checkpoint(error) }
        return try configuration(in: checkpoint)
    }

    private static func configuration(in checkpoint: Checkpoint) throws(TrainingError) -> TrainingConfiguration {
        let text: String
        do { text = try TrainingState.configuration(in: checkpoint) } catch { throw .checkpoint(error) }
        guard let saved = try? JSONDecoder().decode(TrainingConfiguration.self, from: Data(text.utf8)) else {
            throw .invalidCheckpoint("\(checkpoint.source): model_config is not a training configuration")
        }
        return saved
    }

    static func json(_ configuration: TrainingConfiguration, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted] : [.sortedKeys]
        return String(decoding: try! encoder.encode(configuration), as: UTF8.self)
    }

    /// Creates the directory, writes `config.json`, appends to `command.txt`, opens the log.
    func prepareDirectory() throws(TrainingError) {
        let directory = options.directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data((Self.json(configuration, pretty: true) + "\n").utf8).write(to: URL(fileURLWithPath: file("config.json")),
                                                                                   options: .atomic)
            if let commandLine = options.commandLine {
                let path = file("command.txt")
                if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data((commandLine + "\n").utf8))
            }
        } catch {
            throw .file(path: directory, message: error.localizedDescription)
        }
        openLog(try TrainingLog(path: file("log.jsonl"), keepingStepsThrough: resumed ? counters.step : nil))
    }

    /// Writes `last.safetensors` atomically, after checking every tensor is finite.
    func saveLast() throws(TrainingError) {
        let tensors = training.stateTensors
        try Self.requireFinite(tensors, path: lastPath)
        var saved = streams
        saved["trainer"] = training.rng
        let state = TrainingState(parameters: tensors, optimizer: training.optimizer, randomStreams: saved,
                                  step: counters.step, epoch: counters.epoch, configuration: Self.json(configuration),
                                  metadata: counters.metadata.merging(training.metadata) { $1 }.merging(clockMetadata) { $1 })
        do { try state.save(to: lastPath) } catch { throw .checkpoint(error) }
    }

    /// Writes `best.safetensors` atomically (the policy only).
    func saveBest(validation: Double, gap: Double?) throws(TrainingError) {
        let tensors = training.policyTensors
        try Self.requireFinite(tensors, path: bestPath)
        var metadata = ["step": "\(counters.step)", "epoch": "\(counters.epoch)", "validation_cost": "\(validation)"]
        if let gap { metadata["validation_gap_percent"] = "\(gap)" }
        do {
            try PolicyCheckpoint.write(tensors, configuration: configuration, metadata: metadata, to: bestPath)
        } catch {
            throw .checkpoint(error)
        }
    }

    private var clockMetadata: [String: String] {
        ["wall_seconds": "\(clock.wallSeconds)", "cpu_seconds": "\(clock.cpuSeconds)"]
    }

    static func requireFinite(_ tensors: [Parameter], path: String) throws(TrainingError) {
        if let bad = tensors.first(where: { !$0.isFinite }) { throw .nonFiniteWeights(path: path, tensor: bad.name) }
    }

    /// Loads `last.safetensors` into the model, baseline, optimiser, streams and counters.
    func restore() throws(TrainingError) {
        guard FileManager.default.fileExists(atPath: lastPath) else { throw .nothingToResume(lastPath) }
        let checkpoint: Checkpoint
        do { checkpoint = try Checkpoint.read(from: lastPath) } catch { throw .checkpoint(error) }
        let saved = try Self.configuration(in: checkpoint)
        let differences = configuration.differences(from: saved)
        guard differences.isEmpty else { throw .configurationMismatch(checkpoint: lastPath, differences: differences) }
        var state = TrainingState(parameters: training.stateTensors, optimizer: training.optimizer,
                                  randomStreams: RandomStreams(seed: configuration.seed))
        do { try state.restore(from: checkpoint) } catch { throw .checkpoint(error) }
        training.optimizer.learningRate = configuration.learningRate  // the saved rate, unless the resume asked for another
        streams = state.randomStreams
        training.rng = streams["trainer"]
        try training.restore(metadata: state.metadata)
        counters = try Counters(step: state.step, epoch: state.epoch, metadata: state.metadata)
        clock.previousWallSeconds = state.metadata["wall_seconds"].flatMap(Double.init) ?? 0
        clock.previousCPUSeconds = state.metadata["cpu_seconds"].flatMap(Double.init) ?? 0
    }
}

/// Averages of the step reports since the last log entry (non-finite steps left out).
struct IntervalAverages {
    private var count = 0
    private var loss = 0.0, cost = 0.0, baseline = 0.0, gradientNorm = 0.0

    mutating func add(_ report: TrainingStepReport) {
        guard report.loss.isFinite, report.gradientNorm.isFinite else { return }
        count += 1
        loss += Double(report.loss)
        cost += Double(report.meanCost)
        baseline += Double(report.meanBaseline)
        gradientNorm += Double(report.gradientNorm)
    }

    /// The `train` log entry.
    func entry(counters: TrainingRun.Counters, clock: TrainingClock, rate: Double) -> [String: Any] {
        let n = Double(max(count, 1)), empty = count == 0
        return ["type": "train", "step": counters.step, "epoch": counters.epoch, "instances": counters.instances,
                "wall_seconds": clock.wallSeconds, "cpu_seconds": clock.cpuSeconds,
                "loss": empty ? Double.nan : loss / n, "cost": empty ? Double.nan : cost / n,
                "baseline": empty ? Double.nan : baseline / n, "grad_norm": empty ? Double.nan : gradientNorm / n,
                "instances_per_second": rate, "skipped_steps": counters.skippedSteps]
    }
}
