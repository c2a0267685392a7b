import RoutingCore
import RoutingIO
import Testing
@testable import Benchmarking

@Suite struct RouteDrawingTests {
    /// A CVRP drawing has one line per route and the depot; a TSP drawing one closed tour per panel;
    /// an instance without coordinates has no drawing.
    @Test func routes() throws {
        let cvrp = try InstanceReader.read(contentsOf: BenchFixtures.bundled("A-n32-k5.vrp"))
        let solution = try SolutionReader.read(contentsOf: BenchFixtures.bundled("A-n32-k5.sol"), for: cvrp)
        let svg = try #require(RouteDrawing(instance: cvrp, panels: [.init(caption: "optimum: 784", solution: solution)]).svg)
        #expect(BenchFixtures.isWellFormedSVG(svg))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == solution.routes!.filter { !$0.isEmpty }.count)
        #expect(svg.contains(">optimum: 784</text>"))
        let tsp = try InstanceReader.read(contentsOf: BenchFixtures.bundled("eil51.tsp"))
        let tour = try SolutionReader.read(contentsOf: BenchFixtures.bundled("eil51.opt.tour"), for: tsp)
        let two = try #require(RouteDrawing(instance: tsp, panels: [.init(caption: "a", solution: tour),
                                                                    .init(caption: "b", solution: tour)]).svg)
        #expect(two.components(separatedBy: "<polygon").count - 1 == 2)
        let matrix = try InstanceReader.read(contentsOf: BenchFixtures.bundled("br17.atsp"))
        #expect(RouteDrawing(instance: matrix, panels: []).svg == nil)
    }
}
