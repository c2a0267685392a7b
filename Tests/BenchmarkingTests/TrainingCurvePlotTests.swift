import Foundation
import Testing
@testable import Benchmarking

@Suite struct TrainingCurvePlotTests {
    /// The shipped runs' logs (those with a validation) read and draw: one line per run and decoding, legend naming them.
    @Test func plotOfShippedRuns() throws {
        let runs = BenchFixtures.repository.appendingPathComponent("runs")
        let folders = try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted()
            .map { runs.appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0 + "/log.jsonl") }
        // Runs still before their first validation (a run started in this checkout) have nothing to draw yet.
        let logs = try folders.map(TrainingLog.read).filter { !$0.validations.isEmpty }
        #expect(!logs.isEmpty)
        let svg = TrainingCurvePlot(logs: logs).svg
        #expect(BenchFixtures.isWellFormedSVG(svg))
        let lines = logs.flatMap { log in
            log.presentDecodings.map { decoding in log.validations.filter { $0.gaps[decoding] != nil }.count }
        }.filter { $0 >= 2 }.count
        #expect(svg.components(separatedBy: "<polyline").count - 1 == lines)
        for log in logs { #expect(svg.contains(log.name)) }
    }
}
