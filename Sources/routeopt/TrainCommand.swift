import ArgumentParser
import Foundation
import Heuristics
import Policies
import RoutingCore
import RoutingIO

/// `routeopt train`: train a policy with REINFORCE (see `TrainingRun` for the loop and its files).
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a learned policy (attention model, POMO or pointer network) on random instances.",
        discussion: """
            Writes config.json, command.txt, log.jsonl, last.safetensors (full state, saved every \
            --checkpoint-minutes, at each epoch end and at the end) and best.safetensors (best validation) into \
            --output. Progress goes to stderr. Ctrl-C (or SIGTERM) finishes the current step, saves and exits 0; \
            --resume continues exactly where the saved state stopped. Defaults: attention → rollout baseline, \
            batch 512, epochs of 128,000 instances; pomo → shared baseline, batch 64, epochs of 100,000; \
            pointer (TSP only) → critic baseline, batch 128, lr 1e-3, epochs of 128,000; 100 epochs, lr 1e-4 \
            (pointer 1e-3), seed 1, validation 1,000 instances of seed 1234, gaps against the heuristic.
            """)

    @Option(help: "Problem: tsp|cvrp (coordinates), or atsp|acvrp (the matrix policy: --architecture pomo, --data CITY_DIR).")
    var problem: ProblemKind?

    @Option(help: "City dataset folder (points.csv, distance_m.f32, duration_s.f32) the matrix policy draws instances from (its training pool).")
    var data: String?

    @Option(help: "Matrix policy cost: duration|distance (default duration).")
    var objective: CityMatrices.Objective?

    @Option(help: "Cities (TSP) or customers (CVRP).")
    var size: Int?

    @Option(help: "Network: \(PolicyArchitecture.allCases.map(\.rawValue).joined(separator: "|")) (default attention).")
    var architecture: PolicyArchitecture?

    @Option(help: "REINFORCE baseline: rollout|exponential (attention), shared (pomo), critic|exponential (pointer).")
    var baseline: BaselineKind?

    @Option(help: "Epochs to train (a resumed run may raise it).")
    var epochs: Int?

    @Option(name: .customLong("epoch-size"), help: "Instances per epoch (rounded up to whole batches).")
    var epochSize: Int?

    @Option(help: "Instances per batch.")
    var batch: Int?

    @Option(name: .customLong("learning-rate"), help: "Adam learning rate (a resumed run may change it, e.g. POMO's final tenfold decay).")
    var learningRate: Double?

    @Option(name: .customLong("cost-weight-lr-scale"),
            help: "Matrix policy: learning-rate multiplier of the cost weights (distance biases, decoder distance weight; default 100; a resumed run may change it).")
    var costWeightLearningRateScale: Double?

    @Option(help: "Output directory (default: runs/<problem><size>-<architecture>).")
    var output: String?

    @Flag(help: "Continue the run saved in --output.")
    var resume = false

    @Option(help: "Seed of the model and of the training data.")
    var seed: UInt64?

    @Option(name: .customLong("time-limit"), help: "Stop (and save) after this many seconds.")
    var timeLimit: Double?

    @Option(name: .customLong("validation-size"), help: "Validation instances (default 1000).")
    var validationSize: Int?

    @Option(name: .customLong("validation-seed"), help: "Seed naming the validation set (default 1234).")
    var validationSeed: UInt64?

    @Option(name: .customLong("baseline-evaluation-size"), help: "Instances of the rollout baseline's t-test set (default 10000).")
    var baselineEvaluationSize: Int?

    @Option(name: .customLong("checkpoint-minutes"), help: "Minutes between saves of last.safetensors.")
    var checkpointMinutes: Double = 5

    @Option(help: "Training threads: 1 or 2.")
    var threads: Int = 2

    @Option(help: "Embedding width d (default 128).")
    var width: Int?

    @Option(help: "Encoder layers (default 3 for attention, 6 for pomo; pointer: 1, fixed).")
    var layers: Int?

    @Option(name: .customLong("log-every"), help: "Steps per log.jsonl entry.")
    var logEvery: Int = 25

    @Option(name: .customLong("steps"), help: "Stop once the run has taken this many steps in total.")
    var stepLimit: Int?

    @Option(name: .customLong("init-from"), help: "Start a new run from the weights of a policy file (best.safetensors or a shipped checkpoint) of the same architecture, problem and network shape; any size.")
    var initialWeights: String?

    @Option(name: .customLong("reference-seconds"), help: "Heuristic time limit per validation instance for the gap reference.")
    var referenceSeconds: Double = 1

    @Option(name: .customLong("reference-iterations"), help: "Heuristic improvement iterations per validation instance (default 100·size for TSP, 1000·size for ATSP, 2000·size for CVRP).")
    var referenceIterations: Int?

    @Flag(name: .customLong("no-reference"), help: "Report validation costs without a gap (no reference solutions).")
    var noReference = false

    func validate() throws {
        if !resume {
            guard problem != nil, size != nil else { throw ValidationError("--problem and --size are required (or pass --resume)") }
        } else {
            guard output != nil else { throw ValidationError("--resume needs --output DIR naming the run to continue") }
        }
        guard threads == 1 || threads == 2 else { throw ValidationError("--threads must be 1 or 2") }
        if let timeLimit { guard timeLimit.isFinite, timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") } }
        guard checkpointMinutes.isFinite, checkpointMinutes > 0 else { throw ValidationError("--checkpoint-minutes must be positive") }
        guard logEvery >= 1 else { throw ValidationError("--log-every must be at least 1") }
        guard referenceSeconds.isFinite, referenceSeconds > 0 else { throw ValidationError("--reference-seconds must be positive") }
        if let stepLimit, stepLimit < 1 { throw ValidationError("--steps must be at least 1") }
        if initialWeights != nil && resume { throw ValidationError("--init-from starts a new run; a resumed run keeps its own weights") }
        if let referenceIterations, referenceIterations < 1 { throw ValidationError("--reference-iterations must be at least 1") }
        if !resume, let problem = configuration(base: nil)?.problemWithCombination { throw ValidationError(problem) }
    }

    /// The defaults (or the saved configuration) with every given option applied.
    func configuration(base: TrainingConfiguration?) -> TrainingConfiguration? {
        guard var result = base ?? problem.flatMap({ problem in
            size.map { TrainingConfiguration(problem: problem, size: $0, architecture: architecture ?? .attention) }
        }) else { return nil }
        if let problem { result.problem = problem }
        if let size { result.size = size }
        if let architecture, architecture != result.architecture {
            let defaults = TrainingConfiguration(problem: result.problem, size: result.size, architecture: architecture)
            result.architecture = architecture
            result.baseline = defaults.baseline
        }
        if let baseline { result.baseline = baseline }
        if let epochs { result.epochs = epochs }
        if let epochSize { result.epochSize = epochSize }
        if let batch { result.batchSize = batch }
        if let learningRate { result.learningRate = learningRate }
        if let costWeightLearningRateScale { result.costWeightLearningRateScale = costWeightLearningRateScale }
        if let seed { result.seed = seed }
        if let validationSize { result.validationSize = validationSize }
        if let validationSeed { result.validationSeed = validationSeed }
        if let baselineEvaluationSize { result.baselineEvaluationSize = baselineEvaluationSize }
        if let width { result.model.width = width }
        if let layers { result.model.layers = layers }
        if let data { result.data = data }
        if let objective { result.objective = objective }
        if result.problem.isAsymmetric && result.objective == nil { result.objective = .duration }
        return result
    }

    func run() throws {
        let requested: TrainingConfiguration
        if resume {
            do {
                requested = configuration(base: try TrainingRun.savedConfiguration(in: output!))!
            } catch {
                throw fail(error)
            }
        } else {
            requested = configuration(base: nil)!
        }
        let directory = output ?? "runs/\(requested.problem.rawValue)\(requested.size)-\(requested.architecture.rawValue)"
        let stop = StopRequest()
        let signals = SignalWatcher(stop: stop)
        defer { signals.cancel() }
        var options = TrainingRun.Options(directory: directory)
        options.shards = threads
        options.timeLimit = timeLimit
        options.checkpointInterval = checkpointMinutes * 60
        options.logInterval = logEvery
        options.stepLimit = stepLimit
        options.initialWeights = initialWeights
        options.commandLine = CommandLine.arguments.map(Self.quoted).joined(separator: " ")
        options.stopRequest = stop
        options.events = TrainingProgressPrinter(interactive: isatty(STDERR_FILENO) == 1).print
        if let data = requested.data {
            do { options.city = try CityDatasetReader.read(directory: data) } catch { throw fail(error) }
        }
        if !noReference {
            let limits = SolveLimits(timeLimit: referenceSeconds, seed: 1,
                                     iterationLimit: referenceIterations ?? Self.referenceIterationsPerNode(requested.problem) * requested.size,
                                     threads: 1)
            options.reference = ValidationReference(solver: HeuristicSolver(), limits: limits, parallelInstances: threads)
        }
        let summary: TrainingRun.Summary
        do {
            summary = try TrainingRun(configuration: requested, options: options, resume: resume).run()
        } catch TrainingError.configurationMismatch(let path, let differences) {
            throw ValidationError("\(TrainingError.configurationMismatch(checkpoint: path, differences: differences))")
        } catch TrainingError.invalidConfiguration(let message) {
            throw ValidationError(message)
        } catch {
            throw fail(error)
        }
        var line = "\(summary.reason.rawValue): epoch \(summary.epoch), step \(summary.step), \(summary.instances) instances, "
            + String(format: "%.0f s wall, %.0f s CPU", summary.wallSeconds, summary.cpuSeconds)
        if let best = summary.bestValidation { line += String(format: ", best validation %.4f", best) }
        print(line + "; checkpoint \(summary.lastCheckpoint)")
    }

    /// The default heuristic iterations per node for validation references: the ATSP search and CVRP need more
    /// iterations than the symmetric TSP's Lin–Kernighan search for the same quality.
    static func referenceIterationsPerNode(_ problem: ProblemKind) -> Int {
        switch problem {
        case .tsp: 100
        case .atsp: 1_000
        case .cvrp, .acvrp: 2_000
        }
    }

    /// A shell-safe rendering of one argument.
    static func quoted(_ argument: String) -> String {
        let plain = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+".contains($0) }
        return plain && !argument.isEmpty ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
