import RoutingCore
import Testing

@Suite struct CityMatricesTests {
    let points = [Point(x: 7.41, y: 43.73), Point(x: 7.42, y: 43.74), Point(x: 7.43, y: 43.75)]
    let distances: [Float] = [0, 10, 20, 12, 0, 30, 25, 31, 0]
    let durations: [Float] = [0, 1, 2, 1.5, 0, 3, 2.5, 3.5, 0]

    @Test("a sub-matrix keeps the [from][to] orientation of the chosen points")
    func submatrix() throws {
        let city = try CityMatrices(name: "t", points: points, distances: distances, durations: durations)
        #expect(city.submatrix(.distance, of: [2, 0]) == [0, 25, 20, 0])
        #expect(city.submatrix(.duration, of: [1, 2]) == [0, 3, 3.5, 0])
    }

    @Test("OSRM's small negative same-segment distances become 0 and are counted")
    func clamping() throws {
        var artefact = distances
        artefact[5] = -1.6
        let city = try CityMatrices(name: "t", points: points, distances: artefact, durations: durations)
        #expect(city.clampedEntries == 1)
        #expect(city.distances[5] == 0)
    }

    @Test("bad matrices are refused with the entry named")
    func refusals() {
        #expect(throws: CityMatricesError.wrongSize(.distance, expected: 9, got: 8)) {
            try CityMatrices(name: "t", points: points, distances: Array(distances.dropLast()), durations: durations)
        }
        var negative = durations
        negative[5] = -3
        #expect(throws: CityMatricesError.badEntry(.duration, from: 1, to: 2, value: -3)) {
            try CityMatrices(name: "t", points: points, distances: distances, durations: negative)
        }
        var diagonal = distances
        diagonal[4] = 3
        #expect(throws: CityMatricesError.nonZeroDiagonal(.distance, point: 1, value: 3)) {
            try CityMatrices(name: "t", points: points, distances: diagonal, durations: durations)
        }
        var notANumber = distances
        notANumber[1] = .nan
        #expect(throws: CityMatricesError.self) {
            try CityMatrices(name: "t", points: points, distances: notANumber, durations: durations)
        }
    }
}
