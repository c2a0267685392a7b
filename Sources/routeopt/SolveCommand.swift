import ArgumentParser
import Foundation
import Policies
import RoutingCore
import RoutingIO
import Solving

/// `routeopt solve INSTANCE`: solve a TSPLIB / ATSPLIB / CVRPLIB file and write a standard solution file.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an instance file and write a .tour or .sol solution.",
        discussion: """
            Prints one line (cost, status, bound, method, seconds) on stdout; with --json the last line \
            of stdout is one JSON object. Progress and warnings go to stderr. The solution is \
            re-validated before it is written.

            --method policy uses the checkpoint for the instance's problem and nearest size from a \
            checkpoints/ folder (in the current directory, beside the executable, or $ROUTEOPT_CHECKPOINTS), \
            or the file --model names. Default decoding: multistart-aug8 for POMO, greedy for the \
            attention model. The policy needs node coordinates (TSP or CVRP).
            """)

    @Argument(help: "Instance file (.tsp, .atsp, .vrp).")
    var instance: String

    @Option(help: "Solution method: \(SolveMethod.allCases.map(\.rawValue).joined(separator: "|")).")
    var method: SolveMethod = .auto

    @Option(name: .customLong("time-limit"), help: "Wall-clock limit in seconds.")
    var timeLimit: Double = 10

    @Option(help: "Random seed; equal seeds give equal runs for a fixed iteration budget.")
    var seed: UInt64 = 1

    @Option(help: "Stop after this many improvement iterations (deterministic runs).")
    var iterations: Int?

    @Option(help: "Worker threads (default: 2, the cores of the reference machine).")
    var threads: Int = 2

    @Option(help: ArgumentHelp("CVRP: use at most this many vehicles (default: the file's VEHICLES, else unlimited).",
                               discussion: "Pass `name` to take the k of a CVRPLIB name such as A-n32-k5, the classic fixed-fleet rule."))
    var vehicles: VehicleLimitRule?

    @Option(help: "Policy checkpoint file for --method policy (default: the shipped one for the problem and nearest size).")
    var model: String?

    @Option(help: ArgumentHelp("Policy decoding: greedy|sample:N|multistart|multistart-augK.",
                               discussion: "Default: multistart-aug8 (all start nodes × 8 symmetries) for POMO, greedy for the attention model. multistart-augK with K > 8 adds rotated copies (MatNet-style ×128 inference for the matrix policy).",
                               valueName: "decoding"))
    var decode: PolicyDecoding?

    @Flag(help: "Improve the policy's solution with the heuristics' local search (never worse).")
    var polish = false

    @Option(help: "Solution file to write (default: solutions/<name>.tour|.sol).")
    var output: String?

    @Flag(help: "Print the result as one JSON object on the last line of stdout.")
    var json = false

    @Flag(help: "Print solver progress on stderr.")
    var verbose = false

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard threads >= 1, threads <= 64 else { throw ValidationError("--threads must be between 1 and 64") }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must not be negative") }
        if method != .policy {
            let policyOnly = [(model != nil, "--model"), (decode != nil, "--decode"), (polish, "--polish")]
            if let (_, option) = policyOnly.first(where: { $0.0 }) {
                throw ValidationError("\(option) applies to --method policy only")
            }
        }
    }

    func run() throws {
        let limits = SolveLimits(timeLimit: timeLimit, seed: seed, iterationLimit: iterations,
                                 threads: threads, verbose: verbose)
        let report: SolveReport
        do {
            var problem = try InstanceReader.read(contentsOf: instance)
            if let vehicles {
                do {
                    problem = try vehicles.apply(to: problem)
                } catch {
                    throw VehicleLimitError(file: instance, reason: "\(error)")
                }
            }
            let policy = PolicyOptions(model: model, decoding: decode, polish: polish)
            report = try SolvePipeline(method: method, limits: limits, policy: policy)
                .run(instance: problem, instancePath: instance, outputPath: output)
        } catch {
            throw fail(error)
        }
        print(json ? report.jsonLine : report.humanLine)
    }
}
