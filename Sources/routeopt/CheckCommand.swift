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
            let candidate = try SolutionReader.read(contentsOf: solution, for: problem)
            let cost: Cost
            do {
                cost = try Evaluator.evaluate(candidate, in: problem)
            } catch {
                throw CheckFailure(file: solution, error: error)
            }
            var line = "cost=\(cost) feasible"
            if let reference = OptimaTable.beside(instancePath: instance)?[problem.name] {
                let percent = reference.bestKnown > 0 ? 100 * Double(cost - reference.bestKnown) / Double(reference.bestKnown) : 0
                line += " (\(reference.isOptimal ? "optimum" : "best known") \(reference.bestKnown), gap \(String(format: "%.2f", percent)) %)"
            }
            print(line)
        } catch {
            throw fail(error)
        }
    }
}

/// A solution that reads fine but is not feasible.
struct CheckFailure: Error, CustomStringConvertible {
    let file: String
    let error: SolutionError
    var description: String { "\(file): infeasible: \(error)" }
}
