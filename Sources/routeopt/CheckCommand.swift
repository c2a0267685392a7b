import ArgumentParser
import RoutingCore
import RoutingIO

/// `routeopt check INSTANCE SOLUTION`: validate a solution file and print its cost.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a .tour or .sol file against its instance and print the cost.",
        discussion: "Prints `cost=<c> feasible` and exits 0, or names the violation and exits 1.")

    @Argument(help: "Instance file (.tsp, .atsp, .vrp).")
    var instance: String

    @Argument(help: "Solution file (.tour or .sol).")
    var solution: String

    func run() throws {
        do {
            let problem = try InstanceReader.read(contentsOf: instance)
            let file = try SolutionReader.readFile(contentsOf: solution, for: problem)
            let cost: Cost
            do {
                cost = try Evaluator.evaluate(file.solution, in: problem)
            } catch {
                throw CheckFailure(file: solution, reason: "infeasible: \(error)")
            }
            if let claimed = file.claimedCost, claimed != Double(cost) {
                let line = file.claimedCostLine.map { ":\($0)" } ?? ""
                throw CheckFailure(file: solution + line,
                                   reason: "the file claims cost \(claimed.formatted()), but the routes cost \(cost)")
            }
            var line = "cost=\(cost) feasible"
            if let reference = OptimaTable.beside(instancePath: instance)?.entry(for: problem) {
                let percent = OptimaTable.gapPercent(of: cost, to: reference)
                line += " (\(reference.isOptimal ? "optimum" : "best known") \(reference.bestKnown), gap \(String(format: "%.2f", percent)) %)"
            }
            print(line)
        } catch {
            throw fail(error)
        }
    }
}

/// A solution that reads fine but is infeasible or misstates its cost.
struct CheckFailure: Error, CustomStringConvertible {
    let file: String
    let reason: String
    var description: String { "\(file): \(reason)" }
}
