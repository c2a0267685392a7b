import RoutingCore
import RoutingIO
import Testing

@Suite struct ExplicitInstanceWriterTests {
    static let asymmetric = [0, 5, 9, 7, 0, 3, 2, 8, 0]

    @Test("an ATSP instance reads back with the same matrix and display coordinates")
    func atspRoundTrip() throws {
        let matrix = try DistanceMatrix(count: 3, rowMajor: Self.asymmetric)
        let points = [Point(x: 7.4, y: 43.7), Point(x: 7.41, y: 43.71), Point(x: 7.42, y: 43.72)]
        let instance = try Instance(name: "tiny", kind: .atsp, distances: matrix, coordinates: points)
        let text = ExplicitInstanceWriter.text(instance, comment: "line one\nline two")
        #expect(text.contains("COMMENT: line one line two\n") && text.contains("EDGE_WEIGHT_FORMAT: FULL_MATRIX"))
        let back = try InstanceReader.parse(text, file: "tiny.atsp")
        #expect(back.kind == .atsp && back.distances == matrix)
        #expect(back.coordinates == points)
    }

    @Test("an asymmetric CVRP is written as TYPE CVRP and read back as ACVRP, never symmetrised")
    func acvrpRoundTrip() throws {
        let matrix = try DistanceMatrix(count: 3, rowMajor: Self.asymmetric)
        let instance = try Instance(name: "a", kind: .acvrp, distances: matrix, demands: [0, 4, 6], capacity: 10)
        let back = try InstanceReader.parse(ExplicitInstanceWriter.text(instance), file: "a.vrp")
        #expect(back.kind == .acvrp && back.distances == matrix)
        #expect(back.demands == [0, 4, 6] && back.capacity == 10 && back.depot == 0)
    }

    @Test("a symmetric CVRP reads back as CVRP")
    func cvrpRoundTrip() throws {
        let matrix = try DistanceMatrix(count: 3, rowMajor: [0, 4, 5, 4, 0, 6, 5, 6, 0])
        let instance = try Instance(name: "s", kind: .cvrp, distances: matrix, demands: [0, 1, 2], capacity: 3)
        let back = try InstanceReader.parse(ExplicitInstanceWriter.text(instance), file: "s.vrp")
        #expect(back.kind == .cvrp && back.distances == matrix)
    }
}
