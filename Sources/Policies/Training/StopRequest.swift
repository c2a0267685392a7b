import Foundation

/// A thread-safe flag asking a training run to stop after its current step (set from a signal handler's
/// dispatch source, read by the loop between steps).
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var why = ""

    public init() {}

    /// Asks the run to stop; `reason` is reported (`interrupted (SIGINT)`).
    public func request(reason: String) {
        lock.lock()
        defer { lock.unlock() }
        if !requested { why = reason }
        requested = true
    }

    /// Whether a stop was requested.
    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    /// The first reason given.
    public var reason: String {
        lock.lock()
        defer { lock.unlock() }
        return why
    }
}
