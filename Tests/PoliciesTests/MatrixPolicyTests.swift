import Foundation
import RoutingCore
import Tensor
import Testing
@testable import Policies

/// The matrix policy: POMO reading travel matrices (pseudo-coordinates and the learned `−α·cost` logit term).
@Suite struct MatrixPolicyTests {
    /// A seeded asymmetric "road" matrix: Euclidean distances times a direction-dependent factor in [1, 1.5].
    static func roadMatrix(nodes: Int, seed: UInt64) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        let points = (0..<nodes).map { _ in (Float(rng.nextUnit()) * 800, Float(rng.nextUnit()) * 600) }
        var matrix = [Float](repeating: 0, count: nodes * nodes)
        for i in 0..<nodes {
            for j in 0..<nodes where i != j {
                let dx = points[i].0 - points[j].0, dy = points[i].1 - points[j].1
                matrix[i * nodes + j] = (dx * dx + dy * dy).squareRoot() * (1 + 0.5 * Float(rng.nextUnit()))
            }
        }
        return matrix
    }

    @Test("classical scaling recovers planar points up to rotation: distances match after the unit-square scale")
    func pseudoCoordinatesReproduceEuclideanDistances() {
        var rng = SeededGenerator(seed: 3)
        let n = 30
        let points = (0..<n).map { _ in (Float(rng.nextUnit()) * 500, Float(rng.nextUnit()) * 200) }
        var matrix = [Float](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let dx = points[i].0 - points[j].0, dy = points[i].1 - points[j].1
                matrix[i * n + j] = (dx * dx + dy * dy).squareRoot()
            }
        }
        let (embedded, scale) = matrix.withUnsafeBufferPointer { MatrixEmbedding.pseudoCoordinates($0.baseAddress!, count: n) }
        #expect(embedded.allSatisfy { $0 >= -1e-5 && $0 <= 1 + 1e-5 })
        var worst: Float = 0
        for i in 0..<n {
            for j in 0..<n {
                let dx = embedded[2 * i] - embedded[2 * j], dy = embedded[2 * i + 1] - embedded[2 * j + 1]
                worst = max(worst, abs((dx * dx + dy * dy).squareRoot() - matrix[i * n + j] * scale))
            }
        }
        #expect(worst < 1e-3, "largest distance error \(worst) in unit-square units")
    }

    @Test("a matrix batch's environments, lengths and RoutingCore instances use the matrix, in its direction")
    func matrixCostsDriveEverything() throws {
        let n = 7
        let matrices = (0..<2).map { Self.roadMatrix(nodes: n, seed: UInt64(10 + $0)) }
        let batch = ProblemBatch.matrixBatch(kind: .tsp, nodes: n, matrices: matrices)
        #expect(batch.problem == .atsp && batch.isMatrix)
        let model = POMOModel(problem: .atsp, width: 16, layers: 1, heads: 2, feedForward: 32, seed: 1)
        var rng = SeededGenerator(seed: 2)
        let rollout = model.rollout(batch, on: Tape(recording: false), strategy: .sample, using: &rng)
        let environment = try #require(rollout.environment as? TSPEnvironment)
        for row in 0..<environment.rows {
            let tour = try #require(environment.solution(row: row)?.tour)
            let instance = batch.instance(at: row / n, scale: 1_000_000)
            #expect(instance.kind == .atsp && instance.coordinates == nil)
            let exact = Double(try Evaluator.evaluate(.tour(tour), in: instance)) / 1_000_000
            #expect(abs(Double(environment.lengths[row]) - exact) < 1e-4)
            #expect(abs(batch.solutionLength(.tour(tour), instance: row / n) - exact) < 1e-4)
            let reversed = Double(try Evaluator.evaluate(.tour(tour.reversed()), in: instance)) / 1_000_000
            #expect(abs(exact - reversed) > 1e-6, "the test matrix should make direction matter")
        }
        let augmented = batch.augmented()
        #expect(augmented.count == 16)
        #expect(augmented.tourLength([0, 3, 1, 6, 2, 5, 4], instance: 9) == batch.tourLength([0, 3, 1, 6, 2, 5, 4], instance: 1))
    }

    /// The travel-cost term's gradient (through `α` and the tables) equals central differences of the loss.
    @Test(arguments: [ProblemKind.atsp, .acvrp])
    func distanceTermGradientMatchesFiniteDifferences(problem: ProblemKind) {
        let nodes = 7
        let matrices = (0..<2).map { Self.roadMatrix(nodes: nodes, seed: UInt64(20 + $0)) }
        var rng = SeededGenerator(seed: 5)
        let demands = (0..<2).map { _ in [Int32(0)] + (1..<nodes).map { _ in Int32(1 + Int(rng.nextUnit() * 9)) } }
        let batch = ProblemBatch.matrixBatch(kind: problem == .atsp ? .tsp : .cvrp, nodes: nodes, matrices: matrices,
                                             demands: problem == .acvrp ? demands : [], capacity: problem == .acvrp ? 15 : 0)
        let model = POMOModel(problem: problem, width: 16, layers: 1, heads: 8, feedForward: 32, seed: 6)
        let actions = Array(model.rollout(batch, on: Tape(recording: false), strategy: .sample, using: &rng)
            .environment.actions.dropFirst())
        let rows = 2 * model.rolloutsPerInstance(nodes: nodes)
        let weights = Tensor((0..<rows).map { Float($0 % 5) * 0.4 - 0.9 }, shape: [rows])
        for parameter in model.parameters { parameter.zeroGradient() }
        let tape = Tape()
        let rollout = model.rollout(batch, on: tape, strategy: .forced(actions), using: &rng)
        tape.backward(tape.sum(tape.multiply(rollout.logProbabilitySum!, tape.constant(weights))))
        func loss() -> Double {
            var local = SeededGenerator(seed: 0)
            let steps = model.rollout(batch, on: Tape(recording: false), strategy: .forced(actions), using: &local,
                                      keepStepLogProbabilities: true).stepLogProbabilities
            var total = 0.0
            for (t, step) in steps.enumerated() {
                for row in 0..<rows {
                    let value = step.pointer[row * nodes + Int(actions[t][row])]
                    if value.isFinite { total += Double(weights.scalars[row]) * Double(value) }
                }
            }
            return total
        }
        let alpha = model.distanceWeight!
        let result = CentralDifference.compare(alpha, index: 0, step: 0.05, tolerance: 2e-2, floor: 0.05, loss: loss)
        #expect(result.agrees, "α: numeric \(result.numeric), analytic \(result.analytic)")
        #expect(abs(result.analytic) > 1e-4, "α should matter")
        let encoderBias = model.encoder.layers[0].distanceBias!
        for (parameter, index) in [(model.key.weight, 5), (model.combine.weight, 9), (encoderBias, 3), (encoderBias, 12)] {
            let check = CentralDifference.compare(parameter, index: index, step: 1e-2, tolerance: 3e-2, floor: 0.05, loss: loss)
            #expect(check.agrees, "\(parameter.name)[\(index)]: numeric \(check.numeric), analytic \(check.analytic)")
        }
    }
}
