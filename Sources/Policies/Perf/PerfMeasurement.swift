import Foundation
import Tensor

/// The timing of one workload: median over repetitions after a warm-up call.
public struct PerfMeasurement: Sendable, Equatable {
    public let workload: String
    public let instancesPerSecond: Double
    public let millisecondsPerCall: Double

    public init(workload: String, instancesPerSecond: Double, millisecondsPerCall: Double) {
        self.workload = workload
        self.instancesPerSecond = instancesPerSecond
        self.millisecondsPerCall = millisecondsPerCall
    }

    /// One compact JSON object: `{"workload":…,"instances_per_second":…,"ms_per_call":…}`.
    public var jsonLine: String {
        let name = workload.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "{\"workload\":\"\(name)\",\"instances_per_second\":\(Self.number(instancesPerSecond)),"
            + "\"ms_per_call\":\(Self.number(millisecondsPerCall))}"
    }

    /// A human line: name, instances per second, milliseconds per call.
    public var humanLine: String {
        "\(workload.padding(toLength: 24, withPad: " ", startingAt: 0)) "
            + String(format: "%10.1f instances/s  %10.2f ms/call", instancesPerSecond, millisecondsPerCall)
    }

    private static func number(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// Times workloads.
public enum PerfRunner {
    /// Runs two warm-up calls (the buffer pool and the tapes' arrays reach their steady size over the
    /// first calls), then `repetitions` timed repetitions, and reports the median time per call. A
    /// repetition of a short workload (the single-instance decoder) loops over enough calls to last
    /// about 0.2 s, so that timer and scheduler noise do not dominate.
    ///
    /// OpenBLAS is set to one thread first: every workload gets its parallelism from ``ShardGroup``
    /// shards (or is a single small instance), and switching BLAS between one and two threads around
    /// every shard run leaves its idle worker spinning on `sched_yield` next to the shards.
    public static func measure(_ workload: PerfWorkload, repetitions: Int) -> PerfMeasurement {
        precondition(repetitions >= 1, "at least one repetition")
        BLAS.threads = 1
        let call = workload.prepare()
        call()
        let callsPerRepetition = max(1, Int(0.2 / max(seconds(of: call, times: 1), 1e-6)))
        var perCall = [Double]()
        for _ in 0..<repetitions {
            perCall.append(seconds(of: call, times: callsPerRepetition) / Double(callsPerRepetition))
        }
        perCall.sort()
        let median = perCall.count % 2 == 1 ? perCall[perCall.count / 2]
            : (perCall[perCall.count / 2 - 1] + perCall[perCall.count / 2]) / 2
        return PerfMeasurement(workload: workload.name, instancesPerSecond: Double(workload.instancesPerCall) / median,
                               millisecondsPerCall: median * 1000)
    }

    /// Wall-clock seconds of `times` consecutive calls.
    private static func seconds(of call: () -> Void, times: Int) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<times { call() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    }

    /// Checks the attention model (TSP and CVRP) and POMO forward passes against the double-precision
    /// reference on small batches. - Throws: ``ForwardCheck/Mismatch`` on disagreement.
    public static func verifyForwardPasses() throws {
        try ForwardCheck.attentionModel(problem: .tsp)
        try ForwardCheck.attentionModel(problem: .cvrp)
        try ForwardCheck.pomo()
        try GreedyTSPDecoder.verifyAgainstTape()
    }
}
