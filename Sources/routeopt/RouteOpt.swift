import ArgumentParser
import Foundation

/// The `routeopt` command line: parse, call a library, print — nothing else.
///
/// Exit codes: 0 success, 1 an error in the input or while solving (message on stderr naming the
/// file and line), 2 a usage error (unknown option, bad value).
@main
struct RouteOpt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routeopt",
        abstract: "Routing optimiser: learned policies, exact and heuristic solvers for TSP, ATSP and CVRP.",
        subcommands: [
            SolveCommand.self, CheckCommand.self, TrainCommand.self, GenerateCommand.self, PerfCommand.self, MatrixCommand.self,
        ])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
