import ArgumentParser
import Benchmarking
import Foundation
import RoutingCore

/// `routeopt generate`: write a fixed-seed instance set as TSPLIB / CVRPLIB files.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write random TSP/CVRP instances (the training distribution) as .tsp/.vrp files.",
        discussion: """
            Instance i of seed S is the instance i of the validation set `train --validation-seed S` uses \
            (uniform unit square; CVRP demands 1..9, capacity 20/30/40/50 for 10/20/50/100 customers). \
            Coordinates are written as integers round(10^6·x) with EUC_2D distances. Files are named \
            <problem><size>-s<seed>-<index>.tsp|.vrp.
            """)

    @Option(help: "Problem: tsp|cvrp.")
    var problem: ProblemKind

    @Option(help: "Cities (TSP) or customers (CVRP).")
    var size: Int

    @Option(help: "Number of instances.")
    var count: Int

    @Option(help: "Seed naming the set.")
    var seed: UInt64

    @Option(help: "Output directory.")
    var output: String

    @Option(help: "Index of the first instance.")
    var first: Int = 0

    func validate() throws {
        guard problem == .tsp || problem == .cvrp else { throw ValidationError("--problem must be tsp or cvrp") }
        guard size >= (problem == .tsp ? 3 : 1), size <= 10_000 else { throw ValidationError("--size out of range") }
        guard count >= 1, count <= 1_000_000 else { throw ValidationError("--count must be between 1 and 1000000") }
        guard first >= 0 else { throw ValidationError("--first must not be negative") }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: output)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let set = GeneratedSet(problem: problem, size: size, count: count, seed: seed, first: first)
            for index in set.indices {
                let file = set.file(at: index)
                try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name), options: .atomic)
            }
        } catch {
            throw fail(error)
        }
        print("wrote \(count) \(problem.rawValue)\(size) instances (seed \(seed)) to \(output)")
    }
}
