import Foundation

/// The machine a bench ran on, for `summary.md`: processor, cores, memory and load.
public struct MachineDescription: Sendable {
    /// Processor model (`/proc/cpuinfo`), or `unknown processor`.
    public let processor: String
    /// Cores the process may use.
    public let cores: Int
    /// Physical memory in GiB.
    public let memoryGiB: Double
    /// The 1-minute load average when the description was taken (`/proc/loadavg`), if readable.
    public let loadAverage: Double?

    public init(processor: String, cores: Int, memoryGiB: Double, loadAverage: Double?) {
        self.processor = processor
        self.cores = cores
        self.memoryGiB = memoryGiB
        self.loadAverage = loadAverage
    }

    /// This machine, now.
    public static func current() -> MachineDescription {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))
            .flatMap { $0.split(separator: " ").first }.flatMap { Double($0) }
        return MachineDescription(processor: model ?? "unknown processor", cores: ProcessInfo.processInfo.activeProcessorCount,
                                  memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824,
                                  loadAverage: load)
    }

    /// `2 cores (Intel(R) Xeon(R) Processor), 24 GiB, load average 1.52`.
    public var line: String {
        var text = "\(cores) cores (\(processor)), \(Int(memoryGiB.rounded())) GiB"
        if let loadAverage { text += String(format: ", 1-minute load average %.2f when the summary was written", loadAverage) }
        return text
    }
}
