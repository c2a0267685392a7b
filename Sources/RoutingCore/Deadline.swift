#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in wall-clock time after which a solver must stop.
public struct Deadline: Sendable {
    /// Monotonic start time in nanoseconds.
    public let start: UInt64
    /// Budget in nanoseconds.
    public let budget: UInt64

    /// A deadline `seconds` from now.
    public init(seconds: Double) {
        start = Self.now()
        budget = seconds.isFinite && seconds > 0 ? UInt64(min(seconds, 1e9) * 1e9) : 0
    }

    /// Monotonic clock in nanoseconds.
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Seconds since the deadline was created.
    public var elapsed: Double { Double(Self.now() - start) / 1e9 }

    /// Seconds left (never negative).
    public var remaining: Double { max(0, Double(budget) / 1e9 - elapsed) }

    /// `true` once the budget is spent.
    public var hasExpired: Bool { Self.now() - start >= budget }
}
