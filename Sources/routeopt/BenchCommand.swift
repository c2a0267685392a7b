import ArgumentParser
import Benchmarking
import Foundation
import Policies
import RoutingCore

/// `routeopt bench INSTANCES... --methods LIST`: every method on every instance, with gaps, timings,
/// `results.csv`, `summary.md` and SVG plots in `--output`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Compare methods over instance files, folders, globs and generated sets.",
        discussion: """
            Instances: files, folders (searched for .tsp/.atsp/.vrp), quoted globs ('instances/*.tsp') and \
            generated sets generated:PROBLEMSIZE:COUNT[:seed=S] (the instances `routeopt generate` writes, \
            e.g. generated:tsp20:100:seed=1234). Methods, comma-separated, each with :-separated options: \
            exact, heuristic[:time=S][:iterations=K][:seed=N], policy[:greedy|:sample=N|:multistart|:pomo-aug8]\
            [:model=FILE][:polish], auto. Gaps are taken against a proven optimum from this run, else the \
            optima.csv beside the instances, else the best cost found. Results are appended to \
            DIR/results.csv row by row; a re-run with the same --output skips the rows already there. \
            Ctrl-C finishes the solves in hand and writes the files.
            """)

    @Argument(help: "Instance files, folders, globs or generated:PROBLEMSIZE:COUNT[:seed=S] sets.")
    var instances: [String]

    @Option(help: "Comma-separated methods with options, e.g. exact,heuristic:time=1,policy:greedy.")
    var methods: String

    @Option(name: .customLong("time-limit"), help: "Seconds per method and instance, unless a method sets time=S.")
    var timeLimit: Double = 2

    @Option(help: "Random seed, unless a method sets seed=N.")
    var seed: UInt64 = 1

    @Option(help: "Instances solved in parallel (timings are then taken in parallel; summary.md says so).")
    var jobs: Int = 1

    @Option(help: "Solver threads in all, shared between the jobs (default: 2, the cores of the reference machine).")
    var threads: Int = 2

    @Option(help: "Output folder for results.csv, summary.md and the plots.")
    var output: String = "bench-results"

    @Option(help: "Draw the solutions of the first this-many instances that have coordinates.")
    var routes: Int = 6

    @Option(help: ArgumentHelp("CVRP: at most this many vehicles on every instance (default: each file's VEHICLES, else unlimited).",
                               discussion: "Pass `name` for the classic fixed fleet of CVRPLIB names such as A-n32-k5, which the optima of the A, B, E and P sets assume."))
    var vehicles: VehicleLimitRule?

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 64") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64") }
        guard routes >= 0 else { throw ValidationError("--routes must not be negative") }
        do {
            _ = try BenchMethod.parseList(methods)
        } catch {
            throw ValidationError("--methods: \(error)")
        }
    }

    func run() throws {
        let outcome: BenchOutcome
        let configuration: BenchConfiguration
        do {
            configuration = BenchConfiguration(
                instances: try BenchInstance.expand(instances), methods: try BenchMethod.parseList(methods),
                limits: SolveLimits(timeLimit: timeLimit, seed: seed, threads: threads), jobs: jobs, output: output,
                routeDrawings: routes, commandLine: CommandLine.arguments.map(Self.shellQuoted).joined(separator: " "),
                vehicles: vehicles)
            let stop = StopRequest()
            let watcher = SignalWatcher(stop: stop, action: "finishing the solves in hand, then writing the results")
            defer { watcher.cancel() }
            let printer = BenchProgressPrinter()
            outcome = try BenchRunner(configuration: configuration).run(stop: stop) { printer.show($0) }
            printer.end()
        } catch {
            throw fail(error)
        }
        let solved = outcome.rows.filter(\.outcome.hasSolution).count
        print("\(outcome.rows.count) rows (\(solved) solved) in \(output): results.csv, summary.md and plots")
        if !outcome.complete { print("stopped before every row was done; run the same command again to finish") }
    }

    /// `argument`, single-quoted when the shell would otherwise split or expand it.
    static func shellQuoted(_ argument: String) -> String {
        let plain = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
        return plain && !argument.isEmpty ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
