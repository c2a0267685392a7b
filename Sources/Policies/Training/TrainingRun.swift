import Foundation
import RoutingCore
import Tensor

/// The training loop behind `routeopt train`: instances generated on the fly from saved random streams,
/// REINFORCE steps, epoch-end baseline checks and validation, a JSONL log, atomic checkpoints, exact
/// resumption, and clean stops (time limit, Ctrl-C through a ``StopRequest``).
///
/// The output directory holds `config.json`, `command.txt` (each session's command line, appended),
/// `log.jsonl` (see ``TrainingLog``), `last.safetensors` (the full training state, see
/// `TrainingRun+Checkpoint.swift`), `best.safetensors` (the policy with the best validation so far) and
/// the validation reference cache.
///
/// An epoch is `⌈epochSize / batchSize⌉` full batches. Validation runs at every epoch end and when the run
/// stops; its set is ``ProblemBatch/seededSet(_:size:seed:indices:)`` of the validation seed, decoded
/// greedily (POMO: from node 0, and the best of all n starts). The gap is `mean cost / mean reference − 1`.
/// `best.safetensors` follows the greedy cost (POMO: the multi-start cost).
///
/// A step whose loss or gradient norm is not finite changes nothing (no update, batch-norm statistics
/// restored) and is counted and reported; a checkpoint is never written with a non-finite tensor.
public final class TrainingRun {
    /// How a run is carried out (none of this has to match on resume).
    public struct Options {
        /// The output directory.
        public var directory: String
        /// Threads (batch shards; with one, OpenBLAS runs single-threaded too, so the run uses one core). Results are
        /// bit-identical for a given shard count.
        public var shards = 2
        /// Stop after this many seconds of this session (the state is saved).
        public var timeLimit: Double?
        /// Seconds between periodic saves of `last.safetensors`.
        public var checkpointInterval = 300.0
        /// Steps per log entry.
        public var logInterval = 25
        /// Stop once the run has taken this many steps in total (tests, scripted runs).
        public var stepLimit: Int?
        /// A policy file whose tensors start a new run (ignored when resuming; see `TrainingRun+InitialWeights.swift`).
        public var initialWeights: String?
        /// Computes the validation set's reference costs for gaps; without one no gap is reported.
        public var reference: ValidationReference?
        /// Where the reference costs are cached (default: the output directory).
        public var referenceDirectory: String?
        /// Appended to `command.txt`.
        public var commandLine: String?
        /// Checked between steps.
        public var stopRequest: StopRequest?
        /// The city dataset named by the configuration's `data` (matrix policy), read by the caller.
        public var city: CityMatrices?
        /// Receives progress, messages and warnings.
        public var events: (TrainingEvent) -> Void = { _ in }

        public init(directory: String) { self.directory = directory }
    }

    /// Why ``run()`` returned.
    public enum StopReason: String, Sendable {
        case completed, timeLimit = "time limit", interrupted, stepLimit = "step limit"
    }

    /// What a finished session reports.
    public struct Summary: Sendable {
        public var reason: StopReason
        public var step: Int, epoch: Int, instances: Int, skippedSteps: Int
        public var wallSeconds: Double, cpuSeconds: Double
        /// Best validation cost so far (greedy; POMO ×8 augmented multi-start), if validated.
        public var bestValidation: Double?
        public var lastCheckpoint: String
    }

    /// Prefix of the rollout baseline's weights in `last.safetensors`.
    public static let baselinePrefix = "baseline."

    public let configuration: TrainingConfiguration
    public let options: Options
    let training: any PolicyTraining
    var streams: RandomStreams
    var counters = Counters()
    var clock = TrainingClock()
    private var interval = IntervalAverages()
    private var log: TrainingLog?
    private var validationSet: ProblemBatch?
    private var referenceMean: Double?
    private var lastValidation: (cost: Double, gap: Double?)?
    /// Where the matrix policy's instances come from (the city's training pool), else `nil`.
    private let cityInstances: CityInstances?
    let resumed: Bool

    /// A new run (`resume == false`; the directory must not hold one) or the continuation of the run saved
    /// in `options.directory`, whose configuration must equal `configuration` except for ``TrainingConfiguration/epochs``.
    public convenience init(configuration: TrainingConfiguration, options: Options, resume: Bool) throws(TrainingError) {
        if let problem = configuration.problemWithCombination { throw .invalidConfiguration(problem) }
        var streams = RandomStreams(seed: configuration.seed)
        let training: any PolicyTraining = switch configuration.architecture {
        case .attention:
            AttentionTraining(configuration: configuration, shards: options.shards, evaluationSeed: streams["baseline"].next())
        case .pomo:
            POMOTraining(configuration: configuration, shards: options.shards)
        case .pointer:
            PointerTraining(configuration: configuration, shards: options.shards)
        }
        try self.init(configuration: configuration, options: options, training: training, streams: streams, resume: resume)
    }

    init(configuration: TrainingConfiguration, options: Options, training: any PolicyTraining, streams: RandomStreams,
         resume: Bool) throws(TrainingError) {
        self.configuration = configuration
        self.options = options
        self.training = training
        self.streams = streams
        resumed = resume
        if configuration.problem.isAsymmetric {
            guard let city = options.city else {
                throw .invalidConfiguration("--problem \(configuration.problem.rawValue) needs the city dataset of --data")
            }
            do {
                cityInstances = try CityInstances(city: city, problem: configuration.problem, size: configuration.size,
                                                  objective: configuration.objective ?? .duration, pool: .train)
            } catch {
                throw .invalidConfiguration("--data \(configuration.data ?? city.name): \(error)")
            }
        } else {
            cityInstances = nil
        }
        if resume {
            try restore()
        } else {
            if FileManager.default.fileExists(atPath: lastPath) { throw .existingRun(options.directory) }
            self.training.rng = self.streams["trainer"]
            if let path = options.initialWeights { try loadInitialWeights(from: path) }
        }
    }

    /// Trains until the configured epochs are done, the time or step limit is reached, or a stop is
    /// requested; then validates (if anything changed since the last validation) and saves `last.safetensors`.
    public func run() throws(TrainingError) -> Summary {
        // One shard means one core: OpenBLAS would otherwise use every core for each product, and several such
        // runs side by side (`--threads 1` each) would spin-wait on each other's cores.
        try BLAS.withThreads(atMost: options.shards == 1 ? 1 : Int.max) { () throws(TrainingError) in try train() }
    }

    /// ``run()``'s work, with OpenBLAS's threads set.
    private func train() throws(TrainingError) -> Summary {
        try prepareDirectory()
        options.events(.message(resumed
            ? "resuming \(options.directory) at epoch \(counters.epoch), step \(counters.step) (\(counters.instances) instances)"
            : "training \(configuration.architecture.rawValue) on \(configuration.problem.rawValue)\(configuration.size) into \(options.directory)"))
        try prepareValidation()
        let sessionStartInstances = counters.instances
        var reason = StopReason.completed
        var lastSave = clock.sessionSeconds
        while counters.epoch < configuration.epochs {
            if let stop = stopReason() {
                reason = stop
                break
            }
            try trainStep(sessionStartInstances: sessionStartInstances)
            if counters.position >= configuration.epochSize {
                try finishEpoch()
                lastSave = clock.sessionSeconds
            } else if clock.sessionSeconds - lastSave >= options.checkpointInterval {
                try saveLast()
                lastSave = clock.sessionSeconds
            }
        }
        if counters.validatedStep != counters.step { try validate() }
        try saveLast()
        let why = reason == .interrupted ? (options.stopRequest?.reason ?? "interrupted") : reason.rawValue
        options.events(.message("stopped (\(why)) at epoch \(counters.epoch), step \(counters.step); saved \(lastPath)"))
        return Summary(reason: reason, step: counters.step, epoch: counters.epoch, instances: counters.instances,
                       skippedSteps: counters.skippedSteps, wallSeconds: clock.wallSeconds, cpuSeconds: clock.cpuSeconds,
                       bestValidation: counters.bestValidation, lastCheckpoint: lastPath)
    }

    // MARK: - Steps

    private func stopReason() -> StopReason? {
        if options.stopRequest?.isRequested == true { return .interrupted }
        if let limit = options.timeLimit, clock.sessionSeconds >= limit { return .timeLimit }
        if let limit = options.stepLimit, counters.step >= limit { return .stepLimit }
        return nil
    }

    /// Draws the next batch from the `data` stream.
    func nextBatch() -> ProblemBatch {
        let count = configuration.batchSize, size = configuration.size
        if let cityInstances { return cityInstances.batch(count: count, using: &streams["data"]) }
        return configuration.problem == .tsp ? .randomTSP(count: count, nodes: size, using: &streams["data"])
            : .randomCVRP(count: count, customers: size, using: &streams["data"])
    }

    private func trainStep(sessionStartInstances: Int) throws(TrainingError) {
        let batch = nextBatch()
        let report = guardedStep(batch)
        counters.step += 1
        counters.position += batch.count
        counters.instances += batch.count
        interval.add(report)
        let rate = Double(counters.instances - sessionStartInstances) / max(clock.sessionSeconds, 1e-9)
        let total = configuration.epochs * configuration.epochSize
        var eta = rate > 0 ? Double(max(0, total - (counters.epoch * configuration.epochSize + counters.position))) / rate : nil
        if let limit = options.timeLimit, let estimate = eta { eta = min(estimate, max(0, limit - clock.sessionSeconds)) }
        let status = TrainingStatus(epoch: counters.epoch, epochs: configuration.epochs, step: counters.step,
                                    instances: counters.instances, totalInstances: total, instancesPerSecond: rate,
                                    loss: report.loss, cost: report.meanCost, validationCost: lastValidation?.cost,
                                    validationGap: lastValidation?.gap ?? nil, etaSeconds: eta,
                                    skippedSteps: counters.skippedSteps)
        options.events(.step(status))
        if counters.step % options.logInterval == 0 {
            try log?.append(interval.entry(counters: counters, clock: clock, rate: rate))
            interval = IntervalAverages()
            options.events(.logged(status))
        }
    }

    /// One update; a non-finite loss or gradient norm leaves the policy as it was (the trainers skip the
    /// optimiser step; batch-norm statistics are restored here).
    func guardedStep(_ batch: ProblemBatch) -> TrainingStepReport {
        training.prepare(epoch: counters.epoch)
        let statistics = training.statistics.map { ($0.mean.copy(), $0.variance.copy()) }
        let report = training.step(batch)
        if !report.loss.isFinite || !report.gradientNorm.isFinite {
            for (target, saved) in zip(training.statistics, statistics) {
                target.mean.pointer.update(from: saved.0.pointer, count: saved.0.count)
                target.variance.pointer.update(from: saved.1.pointer, count: saved.1.count)
            }
            counters.skippedSteps += 1
            options.events(.warning("step \(counters.step + 1): loss \(report.loss), gradient norm \(report.gradientNorm): "
                                    + "update skipped (\(counters.skippedSteps) skipped so far)"))
        }
        return report
    }

    private func finishEpoch() throws(TrainingError) {
        if let line = training.epochEnded(counters.epoch, streams: &streams) {
            options.events(.message(line))
        }
        counters.epoch += 1
        counters.position = 0
        try validate()
        try saveLast()
    }

    // MARK: - Validation

    private func prepareValidation() throws(TrainingError) {
        let indices = 0..<configuration.validationSize
        let set = cityInstances?.seededSet(seed: configuration.validationSeed, indices: indices)
            ?? ProblemBatch.seededSet(configuration.problem, size: configuration.size, seed: configuration.validationSeed,
                                      indices: indices)
        validationSet = set
        guard let reference = options.reference else { return }
        options.events(.message("reference costs for \(set.count) validation instances (\(reference.solver.name), "
                                + "cached in \(options.referenceDirectory ?? options.directory))"))
        let costs = try reference.costs(for: set, seed: configuration.validationSeed,
                                        directory: options.referenceDirectory ?? options.directory,
                                        source: cityInstances?.description)
        referenceMean = costs.reduce(0, +) / Double(costs.count)
    }

    private func validate() throws(TrainingError) {
        guard let set = validationSet else { return }
        let costs = training.validate(set)
        let greedy = Self.mean(costs.greedy), multiStart = costs.multiStart.map(Self.mean)
        let augmented = costs.augmented.map(Self.mean)
        let augmentedGap = referenceMean.flatMap { reference in augmented.map { 100 * ($0 / reference - 1) } }
        let gap = referenceMean.map { 100 * (greedy / $0 - 1) }
        let multiStartGap = referenceMean.flatMap { reference in multiStart.map { 100 * ($0 / reference - 1) } }
        lastValidation = (greedy, gap)
        counters.validatedStep = counters.step
        var entry: [String: Any] = ["type": "validation", "step": counters.step, "epoch": counters.epoch,
                                    "instances": counters.instances, "wall_seconds": clock.wallSeconds,
                                    "cpu_seconds": clock.cpuSeconds, "validation_cost": greedy]
        entry["reference_cost"] = referenceMean
        entry["gap_percent"] = gap
        entry["validation_multistart_cost"] = multiStart
        entry["multistart_gap_percent"] = multiStartGap
        entry["validation_multistart_aug8_cost"] = augmented
        entry["multistart_aug8_gap_percent"] = augmentedGap
        try log?.append(entry)
        var line = String(format: "validation at step %d: greedy %.4f", counters.step, greedy)
            + (gap.map { String(format: " (gap %.2f %%)", $0) } ?? "")
        if let multiStart {
            line += String(format: ", best of %d starts %.4f", configuration.size, multiStart)
                + (multiStartGap.map { String(format: " (gap %.2f %%)", $0) } ?? "")
        }
        if let augmented {
            line += String(format: ", ×8 augmented %.4f", augmented)
                + (augmentedGap.map { String(format: " (gap %.2f %%)", $0) } ?? "")
        }
        // The best policy is judged by the cost of its default decoding: ×8 augmented multi-start for POMO.
        let score = augmented ?? multiStart ?? greedy
        if counters.bestValidation.map({ score < $0 }) ?? true {
            counters.bestValidation = score
            try saveBest(validation: score, gap: augmentedGap ?? multiStartGap ?? gap)
            line += "; new best, saved \(bestPath)"
        }
        options.events(.validation(line))
    }

    /// Keeps the log opened by `prepareDirectory()`.
    func openLog(_ log: TrainingLog) { self.log = log }

    static func mean(_ values: [Float]) -> Double { values.reduce(0.0) { $0 + Double($1) } / Double(max(values.count, 1)) }
}
