/// What a ``Solver`` may spend, and how it should behave.
public struct SolveLimits: Sendable {
    /// Wall-clock budget in seconds.
    public var timeLimit: Double
    /// Seed for every random choice; equal seeds and iteration limits give equal results.
    public var seed: UInt64
    /// Optional cap on improvement iterations, for deterministic runs independent of the clock.
    public var iterationLimit: Int?
    /// Worker threads the solver may use.
    public var threads: Int
    /// Print solver progress on stderr.
    public var verbose: Bool

    public init(timeLimit: Double = 10, seed: UInt64 = 1, iterationLimit: Int? = nil, threads: Int = 2, verbose: Bool = false) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.iterationLimit = iterationLimit
        self.threads = max(1, threads)
        self.verbose = verbose
    }
}
