import Foundation

/// Wall and CPU seconds of this process since the clock was made, plus what earlier sessions of the run
/// accumulated (restored from the checkpoint).
struct TrainingClock {
    private let wallStart: UInt64
    private let cpuStart: Double
    /// Seconds from earlier sessions.
    var previousWallSeconds = 0.0, previousCPUSeconds = 0.0

    init() {
        wallStart = DispatchTime.now().uptimeNanoseconds
        cpuStart = Self.processCPUSeconds()
    }

    /// Wall seconds of this session.
    var sessionSeconds: Double { Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9 }
    /// Wall seconds over all sessions.
    var wallSeconds: Double { previousWallSeconds + sessionSeconds }
    /// CPU seconds (all threads) over all sessions.
    var cpuSeconds: Double { previousCPUSeconds + Self.processCPUSeconds() - cpuStart }

    /// CPU time of the process, user plus system, all threads.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
