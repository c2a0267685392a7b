import ArgumentParser
import Foundation
import RealWorld
import RoutingCore
import RoutingIO

/// `routeopt matrix sample`: draw ATSP / asymmetric CVRP instance files from a city dataset.
struct MatrixSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw ATSP or asymmetric CVRP instances (.atsp/.vrp, FULL_MATRIX) from a city dataset.",
        discussion: """
            Points come from the city's train or test pool (the seeded split `train --data` uses). Costs are \
            integers: metres (distance) or tenths of a second (duration) unless --scale says otherwise. CVRP: \
            depot + --size customers from the same pool, demands 1..9, capacity 30/40/50 for 20/50/100 customers. \
            Files are named <city>-<pool>-<problem><size>-<objective>-<index>; manifest.csv lists each file's \
            city points.
            """)

    @Option(help: "City dataset folder (points.csv, distance_m.f32, duration_s.f32).")
    var data: String

    @Option(help: "Problem: atsp|acvrp.")
    var problem: ProblemKind

    @Option(help: "Nodes (ATSP) or customers (ACVRP).")
    var size: Int

    @Option(help: "Number of instances.")
    var count: Int

    @Option(help: "Point pool: train|test.")
    var pool: PointPools.Pool = .test

    @Option(help: "Cost matrix: duration|distance.")
    var objective: CityMatrices.Objective = .duration

    @Option(help: "Seed naming the set.")
    var seed: UInt64 = 1

    @Option(help: "Integer cost = round(value × scale) (default 1 for metres, 10 for seconds).")
    var scale: Double?

    @Option(help: "Index of the first instance.")
    var first: Int = 0

    @Option(help: "Output directory.")
    var output: String

    func validate() throws {
        guard problem == .atsp || problem == .acvrp else { throw ValidationError("--problem must be atsp or acvrp") }
        guard size >= 2, size <= 10_000 else { throw ValidationError("--size must be between 2 and 10000") }
        guard count >= 1, count <= 100_000 else { throw ValidationError("--count must be between 1 and 100000") }
        guard first >= 0, first <= 1_000_000_000 else { throw ValidationError("--first must be between 0 and 10⁹") }
        if let scale { guard scale > 0, scale.isFinite else { throw ValidationError("--scale must be positive") } }
    }

    func run() throws {
        do {
            let sampler = CityInstanceSampler(city: try CityDatasetReader.read(directory: data))
            let specification = CityInstanceSampler.Specification(problem: problem, size: size, objective: objective,
                                                                  pool: pool, seed: seed, scale: scale)
            let unit = CityInstanceSampler.costUnit(specification)
            let folder = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let manifest = folder.appendingPathComponent("manifest.csv")
            var rows = FileManager.default.fileExists(atPath: manifest.path)
                ? try String(contentsOf: manifest, encoding: .utf8)
                : "file,problem,size,pool,objective,cost_unit,seed,index,points\n"
            let ext = problem == .atsp ? "atsp" : "vrp"
            for index in first..<(first + count) {
                let sample = try sampler.sample(specification, index: index)
                let file = "\(sample.instance.name).\(ext)"
                let comment = "\(objective.rawValue) in \(unit) from city \(sampler.city.name), \(pool.rawValue) pool, "
                    + "routeopt matrix sample --seed \(seed) instance \(index)"
                try ExplicitInstanceWriter.write(sample.instance, to: folder.appendingPathComponent(file).path, comment: comment)
                rows += "\(file),\(sample.instance.kind.rawValue),\(size),\(pool.rawValue),\(objective.rawValue),\(unit),"
                    + "\(seed),\(index),\(sample.points.map(String.init).joined(separator: " "))\n"
            }
            try Data(rows.utf8).write(to: manifest, options: .atomic)
            print("wrote \(count) \(problem.rawValue)\(size) instances (\(objective.rawValue) in \(unit), \(pool.rawValue) pool, "
                  + "seed \(seed)) to \(output)")
        } catch {
            throw fail(error)
        }
    }
}
