import Foundation
import RoutingIO
import Testing
@testable import Benchmarking

@Suite struct BenchOutcomeTests {
    /// Groups come in a fixed order; an unreadable instance has its own group.
    @Test func groups() {
        var unreadable = BenchRowTests.failed
        unreadable.problem = nil
        let outcome = BenchOutcome(rows: [BenchRowTests.failed, unreadable, BenchRowTests.solved], methods: ["a"], complete: true)
        #expect(outcome.groups == ["TSP", "ATSP", "unreadable"])
        #expect(outcome.rows(of: "policy").count == 2)
    }

    /// A bench folder's results.csv loads with its methods in order of first appearance; a folder
    /// without one is an error naming the file.
    @Test func load() throws {
        let folder = try BenchFixtures.temporaryFolder()
        let file = ResultsFile(path: folder + "/results.csv")
        try file.append(BenchRowTests.solved)
        try file.append(BenchRowTests.failed)
        let outcome = try BenchOutcome.load(folder: folder)
        #expect(outcome.methods == ["heuristic:time=1", "policy"] && outcome.rows.count == 2)
        #expect(throws: FormatError.self) { try BenchOutcome.load(folder: folder + "/missing") }
    }
}
