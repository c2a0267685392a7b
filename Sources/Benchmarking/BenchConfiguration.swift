import RoutingCore

/// What `routeopt bench` was asked to do.
public struct BenchConfiguration: Sendable {
    /// Instances, in the order given.
    public var instances: [BenchInstance]
    /// Methods, in the order given.
    public var methods: [BenchMethod]
    /// Time limit, seed and threads for methods that do not set their own. With more than one job,
    /// ``effectiveLimits`` divides the threads between the jobs.
    public var limits: SolveLimits
    /// Instances solved at the same time.
    public var jobs: Int
    /// The output folder (`results.csv`, `summary.md`, the plots, `solutions/`).
    public var output: String
    /// Route drawings are made for the first this-many instances that have coordinates.
    public var routeDrawings: Int
    /// The command line, quoted in `summary.md`.
    public var commandLine: String
    /// The CVRP fleet rule applied to every instance as it is loaded (`--vehicles`); `nil` keeps each file's
    /// `VEHICLES`, else an unlimited fleet. With ``VehicleLimitRule/fromName`` the classic A/B/E/P optima in
    /// `optima.csv` are references for the same problem, so no gap comes out negative.
    public var vehicles: VehicleLimitRule?

    public init(instances: [BenchInstance], methods: [BenchMethod], limits: SolveLimits = SolveLimits(timeLimit: 1),
                jobs: Int = 1, output: String, routeDrawings: Int = 6, commandLine: String = "routeopt bench",
                vehicles: VehicleLimitRule? = nil) {
        self.instances = instances
        self.methods = methods
        self.limits = limits
        self.jobs = max(1, jobs)
        self.output = output
        self.routeDrawings = routeDrawings
        self.commandLine = commandLine
        self.vehicles = vehicles
    }

    /// ``limits`` with the threads shared out between the jobs (at least one each).
    public var effectiveLimits: SolveLimits {
        var limits = limits
        limits.threads = max(1, limits.threads / jobs)
        return limits
    }

    /// Where results, summary and plots go.
    public var resultsPath: String { output + "/results.csv" }
    public var summaryPath: String { output + "/summary.md" }
    public var solutionsFolder: String { output + "/solutions" }
}
