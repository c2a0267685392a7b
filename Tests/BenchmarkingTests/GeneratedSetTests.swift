import Policies
import RoutingCore
import Testing
@testable import Benchmarking

@Suite struct GeneratedSetTests {
    /// The argument's parts land in the right fields; seed defaults to the validation seed 1234.
    @Test func parsing() throws {
        let set = try GeneratedSet(parsing: "generated:tsp50:1000:seed=7")
        #expect(set == GeneratedSet(problem: .tsp, size: 50, count: 1000, seed: 7))
        #expect(set.argument == "generated:tsp50:1000:seed=7")
        let cvrp = try GeneratedSet(parsing: "generated:cvrp20:5:first=3")
        #expect(cvrp.seed == 1234 && cvrp.indices == 3..<8 && cvrp.name(of: 3) == "cvrp20-s1234-0003")
    }

    /// Malformed arguments name what is wrong.
    @Test(arguments: [
        ("generated:tsp:10", "needs a size"), ("generated:atsp20:10", "is not tspN or cvrpN"),
        ("generated:tsp20", "needs a problem"), ("generated:tsp20:0", "count '0'"),
        ("generated:tsp20:10:seed=x", "'seed=x' is not seed=S"),
    ])
    func badArguments(argument: String, message: String) {
        do {
            _ = try GeneratedSet(parsing: argument)
            Issue.record("\(argument) parsed")
        } catch {
            #expect("\(error)".contains(message) && "\(error)".hasPrefix(argument), "\(error)")
        }
    }

    /// Instance i is training's validation instance i of the seed: its coordinates are the seeded set's
    /// unit-square points as `generate` writes them (round(10⁶·x)), and CVRP demands and capacity match.
    @Test(arguments: [ProblemKind.tsp, .cvrp])
    func instancesAreTheValidationSet(problem: ProblemKind) throws {
        let set = GeneratedSet(problem: problem, size: 10, count: 4, seed: 1234)
        let batch = ProblemBatch.seededSet(problem, size: 10, seed: 1234, indices: 0..<4)
        for index in 0..<4 {
            let instance = try set.instance(at: index)
            #expect(instance.name == set.name(of: index))
            #expect(instance.dimension == batch.nodes)
            for node in 0..<batch.nodes {
                let p = batch.point(index, node), q = instance.coordinates![node]
                #expect(q.x == (Double(p.x) * 1_000_000).rounded() && q.y == (Double(p.y) * 1_000_000).rounded())
                if problem == .cvrp { #expect(instance.demands[node] == Int(batch.demands[index * batch.nodes + node])) }
            }
            if problem == .cvrp { #expect(instance.capacity == batch.capacity) }
        }
    }
}
