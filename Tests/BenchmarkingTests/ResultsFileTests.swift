import Foundation
import RoutingIO
import Testing
@testable import Benchmarking

@Suite struct ResultsFileTests {
    /// Appended rows are read back in order; a missing file reads as empty.
    @Test func appendAndRead() throws {
        let file = ResultsFile(path: try BenchFixtures.temporaryFolder() + "/results.csv")
        #expect(try file.read().isEmpty)
        try file.append(BenchRowTests.solved)
        try file.append(BenchRowTests.failed)
        let rows = try file.read()
        #expect(rows.map(\.key) == [BenchRowTests.solved.key, BenchRowTests.failed.key])
        #expect(rows[1] == BenchRowTests.failed)
    }

    /// A last line cut short by an interrupted write is dropped, and rewriting leaves a clean file.
    @Test func truncatedLastLine() throws {
        let path = try BenchFixtures.temporaryFolder() + "/results.csv"
        let file = ResultsFile(path: path)
        try file.append(BenchRowTests.solved)
        let text = try String(contentsOfFile: path, encoding: .utf8) + "ber"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try file.read().count == 1)
        try file.rewrite(try file.read())
        try file.append(BenchRowTests.failed)
        #expect(try file.read().count == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(BenchRow.columns.joined(separator: ",") + "\n"))
    }

    /// A file that is not a results table (a wrong --output) is refused, naming the file.
    @Test func foreignFile() throws {
        let path = try BenchFixtures.temporaryFolder() + "/results.csv"
        try "name,value\nx,1\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FormatError.self) { try ResultsFile(path: path).read() }
        do {
            _ = try ResultsFile(path: path).read()
        } catch {
            #expect("\(error)".hasPrefix(path + ":1: not a bench results file"))
        }
    }
}
