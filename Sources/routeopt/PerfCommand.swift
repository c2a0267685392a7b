import ArgumentParser
import Policies

/// `routeopt perf [--workload NAME] [--json] [--repetitions R]`: tensor-engine throughput.
struct PerfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perf",
        abstract: "Time attention-model and POMO training steps and greedy decoding (instances per second).",
        discussion: """
            Before timing, the forward passes are checked against a plain double-precision reference on small \
            batches; a mismatch stops the command with exit code 1. Each workload gets two warm-up calls, then \
            the median of the repetitions is reported (short calls are looped to about 0.2 s per repetition). \
            Workloads: \(PerfWorkload.names.joined(separator: ", ")).
            """)

    @Option(help: "Run only this workload.")
    var workload: String?

    @Flag(help: "One compact JSON object per line: workload, instances_per_second, ms_per_call.")
    var json = false

    @Option(help: "Timed calls per workload (the median is reported).")
    var repetitions = 5

    func validate() throws {
        if let workload, PerfWorkload.named(workload) == nil {
            throw ValidationError("unknown workload '\(workload)'; known: \(PerfWorkload.names.joined(separator: ", "))")
        }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
    }

    func run() throws {
        do {
            try PerfRunner.verifyForwardPasses()
        } catch {
            throw fail(error)
        }
        let selected = workload.map { [PerfWorkload.named($0)!] } ?? PerfWorkload.all
        for item in selected {
            let measurement = PerfRunner.measure(item, repetitions: repetitions)
            print(json ? measurement.jsonLine : measurement.humanLine)
        }
    }
}
