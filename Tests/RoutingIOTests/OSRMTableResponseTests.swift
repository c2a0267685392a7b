import Foundation
import RoutingCore
import RoutingIO
import Testing

@Suite struct OSRMTableResponseTests {
    static let fixture: String? = SharedInstances.directory.map {
        $0.deletingLastPathComponent().appendingPathComponent("realworld/fixtures/osrm-table-monaco-20.json").path
    }

    private func parse(_ json: String) throws(FormatError) -> OSRMTableResponse {
        try OSRMTableResponse.parse(Data(json.utf8), file: "table.json")
    }

    @Test("the Monaco fixture parses to the right 20×20 matrices: seconds, metres, row-major [source][destination]",
          .enabled(if: fixture != nil, SharedInstances.absentReason))
    func monacoFixture() throws {
        let table = try OSRMTableResponse.parse(try Data(contentsOf: URL(fileURLWithPath: try #require(Self.fixture))),
                                                file: "fixture")
        #expect(table.sources.count == 20 && table.destinations.count == 20)
        #expect(table.durations.count == 400 && table.distances.count == 400)
        // Values read off the raw response: row 0 = from point 0, row 1 column 0 = from point 1 to point 0.
        #expect(table.durations[1] == 574.5 && table.distances[1] == 6280.9)
        #expect(table.durations[20] == 544.7)
        #expect(table.durations[2] == 412.1 && table.distances[2] == 4529.2)
        #expect((0..<20).allSatisfy { table.durations[$0 * 21] == 0 && table.distances[$0 * 21] == 0 })
        #expect(table.sources[0].location == Point(x: 7.415794, y: 43.74658))
        #expect(abs(table.sources[0].snapDistance - 25.27422123) < 1e-9)
        #expect(table.unreachablePairs.isEmpty)
        var asymmetric = 0
        for i in 0..<20 {
            for j in 0..<20 where table.durations[i * 20 + j] != table.durations[j * 20 + i] { asymmetric += 1 }
        }
        #expect(asymmetric > 300)
    }

    static let waypoints = #"[{"location":[7.4,43.7],"distance":1.5},{"location":[7.5,43.8],"distance":0}]"#

    @Test("null cells are kept as missing and listed as unreachable pairs")
    func nulls() throws {
        let table = try parse(#"{"code":"Ok","sources":\#(Self.waypoints),"destinations":\#(Self.waypoints),"#
                              + #""durations":[[0,null],[12.5,0]],"distances":[[0,null],[80,0]]}"#)
        #expect(table.durations == [0, nil, 12.5, 0])
        #expect(table.unreachablePairs.map { [$0.0, $0.1] } == [[0, 1]])
    }

    @Test("bad responses name the problem: error code, missing matrix (units), ragged rows, non-numbers, not JSON",
          arguments: [
              (#"{"code":"InvalidQuery","message":"Query string malformed"}"#, "OSRM answered code 'InvalidQuery': Query string malformed"),
              (#"{"code":"Ok","sources":W,"destinations":W,"durations":[[0,1],[1,0]]}"#, "no 'distances' matrix"),
              (#"{"code":"Ok","sources":W,"destinations":W,"durations":[[0,1],[1]],"distances":[[0,1],[1,0]]}"#,
               "durations[1] has 1 entries, expected 2"),
              (#"{"code":"Ok","sources":W,"destinations":W,"durations":[[0,"x"],[1,0]],"distances":[[0,1],[1,0]]}"#,
               "durations[0][1] is a string, not a duration or null"),
              (#"{"code":"Ok","sources":W,"destinations":W,"durations":[[0,1]],"distances":[[0,1],[1,0]]}"#,
               "'durations' must be an array of 2 rows"),
              ("[1, 2", "not an OSRM /table response: invalid JSON at byte 5: unterminated array"),
              ("[1, 2]", "not a JSON object"),
          ])
    func errors(json: String, message: String) {
        do {
            _ = try parse(json.replacingOccurrences(of: "W", with: Self.waypoints))
            Issue.record("expected an error containing \(message)")
        } catch {
            #expect(error.file == "table.json")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
