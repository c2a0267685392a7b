import ArgumentParser

/// The `routeopt` command line.
@main
struct RouteOpt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routeopt",
        abstract: "Routing optimiser: learned policies, exact and heuristic solvers for TSP, ATSP and CVRP.",
        subcommands: [])
}
