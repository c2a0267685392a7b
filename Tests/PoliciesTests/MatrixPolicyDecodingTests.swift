import Foundation
import RoutingCore
import Tensor
import Testing
@testable import Policies

/// Solving matrix-only and asymmetric instances with the matrix policy, and training data drawn from a city.
@Suite struct MatrixPolicyDecodingTests {
    static func atsp(_ n: Int, seed: UInt64) -> Instance {
        let matrix = MatrixPolicyTests.roadMatrix(nodes: n, seed: seed)
        let distances = try! DistanceMatrix(count: n) { i, j in Int(matrix[i * n + j].rounded()) }
        return try! Instance(name: "atsp\(n)", kind: .atsp, distances: distances)
    }

    static func acvrp(customers: Int, seed: UInt64) -> Instance {
        let n = customers + 1
        let matrix = MatrixPolicyTests.roadMatrix(nodes: n, seed: seed)
        let distances = try! DistanceMatrix(count: n) { i, j in Int(matrix[i * n + j].rounded()) }
        var rng = SeededGenerator(seed: seed)
        let demands = [0] + (1..<n).map { _ in 1 + Int(rng.nextUnit() * 9) }
        return try! Instance(name: "acvrp\(customers)", kind: .acvrp, distances: distances, demands: demands, capacity: 20,
                             depot: 0)
    }

    @Test("every decoding of the matrix policy gives feasible ATSP tours, one per start (×8 with augmentation)")
    func atspDecodings() throws {
        let checkpoint = try PolicyFixtures.checkpoint(.atsp, .pomo)
        let instance = Self.atsp(9, seed: 4)
        let expected: [(PolicyDecoding, Int)] = [(.greedy, 1), (.multistart, 9), (.multistartAugmented(copies: 8), 72), (.sample(count: 20), 27)]
        for (decoding, count) in expected {
            let candidates = try PolicyDecoder(checkpoint: checkpoint, decoding: decoding).candidates(for: instance, seed: 1)
            #expect(candidates.count == count, "\(decoding)")
            for candidate in candidates { _ = try Evaluator.evaluate(candidate, in: instance) }
        }
    }

    @Test("the matrix policy routes asymmetric CVRP within capacity, and reads symmetric files without coordinates")
    func acvrpAndMatrixOnlyFiles() throws {
        let checkpoint = try PolicyFixtures.checkpoint(.acvrp, .pomo)
        let instance = Self.acvrp(customers: 8, seed: 5)
        let outcome = try PolicyDecoder(checkpoint: checkpoint, decoding: .multistartAugmented(copies: 8)).decode(instance, seed: 2)
        #expect(outcome.candidates == 64 && outcome.feasible == 64)
        let tsp = PolicyFixtures.tsp(8, seed: 6)
        let matrixOnly = try Instance(name: "m", kind: .tsp, distances: tsp.distances)
        #expect(PolicyProblem.preferred(for: matrixOnly) == .atsp)
        #expect(PolicyProblem.preferred(for: tsp) == .tsp)
        #expect(PolicyProblem.preferred(for: instance) == .acvrp)
        let atspPolicy = try PolicyFixtures.checkpoint(.atsp, .pomo)
        let tours = try PolicyDecoder(checkpoint: atspPolicy, decoding: .greedy).candidates(for: matrixOnly, seed: 1)
        _ = try Evaluator.evaluate(tours[0], in: matrixOnly)
    }

    @Test("coordinate policies refuse asymmetric files, matrix policies refuse the other routing")
    func refusals() throws {
        let tspPolicy = try PolicyFixtures.checkpoint(.tsp, .pomo)
        #expect(throws: PolicyError.needsCoordinates(instance: "atsp6", kind: .atsp)) {
            try PolicyDecoder(checkpoint: tspPolicy, decoding: .greedy).candidates(for: Self.atsp(6, seed: 1), seed: 1)
        }
        let atspPolicy = try PolicyFixtures.checkpoint(.atsp, .pomo)
        #expect(throws: PolicyError.wrongProblem(path: atspPolicy.path, checkpoint: .atsp, instance: .acvrp)) {
            try PolicyDecoder(checkpoint: atspPolicy, decoding: .greedy).candidates(for: Self.acvrp(customers: 4, seed: 1), seed: 1)
        }
    }

    @Test("a coordinate policy given explicitly decodes an asymmetric file by its positions, costed on the matrix")
    func coordinatePolicyOnARealRoadFile() throws {
        let plain = Self.atsp(8, seed: 8)
        let positioned = try Instance(name: "road8", kind: .atsp, distances: plain.distances,
                                      coordinates: PolicyFixtures.points(8, seed: 9))
        let tspPolicy = try PolicyFixtures.checkpoint(.tsp, .pomo)
        let outcome = try PolicyDecoder(checkpoint: tspPolicy, decoding: .multistart).decode(positioned, seed: 1)
        #expect(outcome.candidates == 8 && outcome.feasible == 8)
        let best = try #require(outcome.best)
        #expect(try Evaluator.evaluate(best.solution, in: positioned) == best.cost)
        #expect(PolicyProblem.preferred(for: positioned) == .atsp)  // never the default for such a file
    }

    static func city(points: Int) throws -> CityMatrices {
        let matrix = MatrixPolicyTests.roadMatrix(nodes: points, seed: 9)
        return try CityMatrices(name: "synthetic", points: (0..<points).map { Point(x: Double($0), y: 0) },
                                distances: matrix, durations: matrix.map { $0 / 10 })
    }

    @Test("city instances come from the asked pool only, with distinct points, and a seeded set is reproducible")
    func cityInstances() throws {
        let city = try Self.city(points: 60)
        let instances = try CityInstances(city: city, problem: .acvrp, size: 10, objective: .duration, pool: .train)
        let pools = PointPools(count: 60)
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<20 {
            let draw = instances.draw(using: &rng)
            #expect(Set(draw.points).count == 11)
            #expect(Set(draw.points).isSubset(of: pools.train))
            #expect(draw.demands[0] == 0 && draw.demands.dropFirst().allSatisfy { (1...9).contains($0) })
        }
        let a = instances.seededSet(seed: 7, indices: 3..<5), b = instances.seededSet(seed: 7, indices: 0..<5)
        #expect(a.travel!.scalars == b.slice(3..<5).travel!.scalars)
        #expect(a.problem == .acvrp && a.capacity == 20)
        #expect(throws: PolicyError.cityTooSmall(city: "synthetic", pool: "test", points: 12, needed: 20)) {
            try CityInstances(city: city, problem: .atsp, size: 20, objective: .distance, pool: .test)
        }
    }

    @Test("the matrix policy trains with POMO on a city only")
    func configurationRules() {
        var configuration = TrainingConfiguration(problem: .atsp, size: 20, architecture: .pomo)
        #expect(configuration.problemWithCombination?.contains("--data") == true)
        configuration.data = "city"
        #expect(configuration.problemWithCombination == nil)
        configuration.architecture = .attention
        configuration.baseline = .rollout
        #expect(configuration.problemWithCombination?.contains("--architecture pomo") == true)
        var tsp = TrainingConfiguration(problem: .tsp, size: 20, architecture: .pomo)
        tsp.objective = .distance
        #expect(tsp.problemWithCombination?.contains("atsp|acvrp") == true)
    }

    @Test("a short seeded ATSP run from a city improves on the policy it started from")
    func shortTrainingRunImproves() throws {
        let folder = try PolicyFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = PolicyFixtures.configuration(.atsp, .pomo, size: 10)
        configuration.batchSize = 32
        configuration.epochSize = 320
        configuration.validationSize = 64
        configuration.learningRate = 1e-3
        var options = TrainingRun.Options(directory: folder)
        options.city = try Self.city(points: 60)
        options.stepLimit = 80
        options.shards = 1
        _ = try TrainingRun(configuration: configuration, options: options, resume: false).run()
        let log = try String(contentsOfFile: folder + "/log.jsonl", encoding: .utf8)
        let validations = log.split(separator: "\n").compactMap { line -> Double? in
            guard let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  entry["type"] as? String == "validation" else { return nil }
            return entry["validation_cost"] as? Double
        }
        let first = try #require(validations.first), last = try #require(validations.last)
        #expect(validations.count >= 3)
        #expect(last < first * 0.97, "greedy validation \(validations)")
    }
}
