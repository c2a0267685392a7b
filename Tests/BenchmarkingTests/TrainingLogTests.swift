import Foundation
import Testing
@testable import Benchmarking

@Suite struct TrainingLogTests {
    static let log = """
        {"type":"train","step":25,"loss":1.0}
        {"type":"validation","step":100,"instances":6400,"wall_seconds":60,"gap_percent":5.5}
        {"type":"validation","step":200,"instances":12800,"wall_seconds":120,"gap_percent":4.0,"multistart_gap_percent":1.0,"multistart_aug8_gap_percent":0.5}
        {"type":"validation","step":200,"instances":12800,"wall_seconds":125,"gap_percent":3.5,"multistart_gap_percent":0.9,"multistart_aug8_gap_percent":0.4}
        {"type":"valid
        """

    /// Validation entries only, a repeated step keeps its last entry, a cut-short last line is ignored.
    @Test func parsing() throws {
        let log = try TrainingLog.parse(Self.log, file: "log.jsonl", name: "run")
        #expect(log.validations.map(\.step) == [100, 200])
        #expect(log.validations[1].wallSeconds == 125 && log.validations[1].gaps["greedy"] == 3.5)
        #expect(log.presentDecodings == ["greedy", "multistart", "multistart-aug8"])
    }

    /// A broken line before the last is an error naming file and line.
    @Test func brokenLine() {
        do {
            _ = try TrainingLog.parse("nonsense\n{}\n", file: "runs/x/log.jsonl", name: "x")
            Issue.record("parsed")
        } catch {
            #expect("\(error)" == "runs/x/log.jsonl:1: not a JSON object")
        }
    }
}
