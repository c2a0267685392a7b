import Foundation
import Testing
import RoutingCore
@testable import Policies

/// A reference solver that returns the identity tour and counts its calls.
struct IdentityTourSolver: Solver {
    let calls: CallCounter
    var name: String { "identity" }
    func supports(_ kind: ProblemKind) -> Bool { kind == .tsp }
    func solve(_ instance: Instance, limits: SolveLimits) throws -> SolveResult {
        calls.increment()
        let tour = Array(0..<instance.dimension)
        return SolveResult(solution: .tour(tour), cost: try Evaluator.evaluate(.tour(tour), in: instance),
                           status: .feasible, method: name, seconds: 0)
    }
}

/// A thread-safe call counter.
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

@Suite struct ValidationReferenceTests {
    /// Reference costs are the solver's solutions measured on the set's own coordinates; the second call
    /// reads the cache file instead of solving, and other solver limits invalidate it.
    @Test func solvesOnceThenReadsCache() throws {
        let set = ProblemBatch.seededSet(.tsp, size: 6, seed: 3, indices: 0..<5)
        let directory = TrainingRunTests.directory()
        let counter = CallCounter()
        let reference = ValidationReference(solver: IdentityTourSolver(calls: counter), limits: SolveLimits(timeLimit: 1))
        let costs = try reference.costs(for: set, seed: 3, directory: directory)
        #expect(counter.value == 5)
        for instance in 0..<5 {
            #expect(abs(costs[instance] - set.solutionLength(.tour(Array(0..<6)), instance: instance)) < 1e-12)
        }
        #expect(try reference.costs(for: set, seed: 3, directory: directory) == costs)
        #expect(counter.value == 5)
        let longer = ValidationReference(solver: IdentityTourSolver(calls: counter), limits: SolveLimits(timeLimit: 2))
        _ = try longer.costs(for: set, seed: 3, directory: directory)
        #expect(counter.value == 10)
        #expect(FileManager.default.fileExists(atPath: directory + "/reference-tsp6-s3-k5.json"))
    }
}
