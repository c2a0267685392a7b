@testable import RealWorld
import RoutingCore
import RoutingIO
import Testing

@Suite struct CityInstanceSamplerTests {
    /// A 30-point city with asymmetric matrices: distance(i, j) = 100·i + j + 0.4, duration = distance / 10.
    static let city: CityMatrices = {
        let n = 30
        let points = (0..<n).map { Point(x: 7.4 + Double($0) * 0.001, y: 43.7) }
        let distances = (0..<n * n).map { $0 / n == $0 % n ? Float(0) : Float(100 * ($0 / n) + $0 % n) + 0.4 }
        return try! CityMatrices(name: "grid", points: points, distances: distances, durations: distances.map { $0 / 10 })
    }()

    @Test("an ATSP instance is the rounded sub-matrix of its test-pool points, in order")
    func atsp() throws {
        let sampler = CityInstanceSampler(city: Self.city)
        let spec = CityInstanceSampler.Specification(problem: .atsp, size: 5, objective: .distance, pool: .test, seed: 9)
        let sample = try sampler.sample(spec, index: 2)
        #expect(sample.instance.name == "grid-test-atsp5-distance-002")
        #expect(sample.instance.kind == .atsp && sample.instance.dimension == 5)
        #expect(Set(sample.points).isSubset(of: PointPools(count: 30).test) && Set(sample.points).count == 5)
        for (a, i) in sample.points.enumerated() {
            for (b, j) in sample.points.enumerated() where a != b {
                #expect(sample.instance.distances[a, b] == Int((Double(Self.city.distances[i * 30 + j])).rounded()))
            }
        }
        #expect(try sampler.sample(spec, index: 2).points == sample.points)
        #expect(try sampler.sample(spec, index: 3).points != sample.points)
    }

    /// An ACVRP instance has a depot plus customers from the train pool, demands 1…9, the standard capacity and
    /// durations in tenths of a second; written and read back it is ACVRP with the same matrix.
    @Test("an ACVRP instance: depot + customers of the train pool, demands, capacity; reads back as ACVRP")
    func acvrp() throws {
        let sampler = CityInstanceSampler(city: Self.city)
        let spec = CityInstanceSampler.Specification(problem: .acvrp, size: 20, objective: .duration, pool: .train, seed: 1)
        let sample = try sampler.sample(spec, index: 0)
        let instance = sample.instance
        #expect(instance.kind == .acvrp && instance.dimension == 21 && instance.capacity == 30)
        #expect(instance.demands[0] == 0 && instance.demands.dropFirst().allSatisfy { (1...9).contains($0) })
        #expect(Set(sample.points).isSubset(of: PointPools(count: 30).train))
        let (i, j) = (sample.points[1], sample.points[2])
        #expect(instance.distances[1, 2] == Int((Double(Self.city.durations[i * 30 + j]) * 10).rounded()))
        #expect(CityInstanceSampler.costUnit(spec) == "0.1 s")
        let back = try InstanceReader.parse(ExplicitInstanceWriter.text(instance), file: "\(instance.name).vrp")
        #expect(back.kind == .acvrp && back.distances == instance.distances && back.demands == instance.demands)
    }

    @Test("requests the pool cannot satisfy are refused with a reason")
    func refusals() {
        let sampler = CityInstanceSampler(city: Self.city)
        #expect(throws: RealWorldError.invalidRequest("the test pool of grid has 6 points, an instance needs 7")) {
            try sampler.sample(.init(problem: .atsp, size: 7, objective: .distance, pool: .test, seed: 1), index: 0)
        }
        #expect(throws: RealWorldError.self) {
            try sampler.sample(.init(problem: .tsp, size: 5, objective: .distance, pool: .train, seed: 1), index: 0)
        }
    }

    @Test("a city name from city.json cannot steer file names outside the output folder")
    func fileSafeNames() {
        #expect(CityInstanceSampler.fileSafe("monaco-1000") == "monaco-1000")
        #expect(CityInstanceSampler.fileSafe("../../etc/x y") == ".._.._etc_x_y")
        #expect(CityInstanceSampler.fileSafe("..") == "city")
        #expect(CityInstanceSampler.fileSafe("") == "city")
    }
}
