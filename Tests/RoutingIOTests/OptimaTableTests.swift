import Foundation
import Testing
import RoutingCore
import RoutingIO

/// optima.csv: columns by name, typed values, line-numbered errors, and lookup beside instance files.
@Suite struct OptimaTableTests {
    /// Rows are read by column name (any order, extra columns ignored); yes/no become isOptimal.
    @Test func readsRows() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("""
            source,name,optimal,problem,dimension,best_known,extra
            "list, with comma",a,yes,tsp,14,3323,x

            b,b,no,cvrp,101,27591,y
            """, to: "optima.csv")
        let table = try OptimaTable.load(contentsOf: path)
        #expect(table.entries.count == 2)
        #expect(table["a"] == OptimaTable.Entry(name: "a", problem: "tsp", dimension: 14, bestKnown: 3323, isOptimal: true,
                                                 source: "list, with comma"))
        #expect(table["b"]?.isOptimal == false && table["b"]?.bestKnown == 27591)
        #expect(table["c"] == nil)
    }

    /// A bad row is a FormatError on its line (blank lines and quoted line breaks counted).
    @Test func badRowsNameTheirLine() throws {
        let directory = try TemporaryDirectory()
        func failure(_ text: String) throws -> FormatError? {
            let path = try directory.write(text, to: "optima.csv")
            do { _ = try OptimaTable.load(contentsOf: path); return nil } catch let error as FormatError { return error }
        }
        let header = "name,problem,dimension,best_known,optimal,source\n"
        let bestKnown = try #require(try failure(header + "a,tsp,5,12,yes,s\n\nb,tsp,5,twelve,yes,s\n"))
        #expect(bestKnown.line == 4 && bestKnown.message.contains("best_known 'twelve' of b"))
        let quoted = try #require(try failure(header + "a,tsp,5,12,yes,\"two\nlines\"\nb,tsp,0,1,yes,s\n"))
        #expect(quoted.line == 4 && quoted.message.contains("dimension '0' of b"))
        let optimal = try #require(try failure(header + "a,tsp,5,12,maybe,s\n"))
        #expect(optimal.line == 2 && optimal.message.contains("neither yes nor no"))
        let duplicate = try #require(try failure(header + "a,tsp,5,12,yes,s\na,tsp,5,12,yes,s\n"))
        #expect(duplicate.line == 3 && duplicate.message.contains("listed twice (first on line 2)"))
        let column = try #require(try failure("name,problem,dimension,optimal,source\n"))
        #expect(column.line == 1 && column.message.contains("missing column 'best_known'"))
    }

    /// beside() finds optima.csv in the instance's folder or its parent, and gives nil when there is none.
    @Test func findsTableBesideInstances() throws {
        let directory = try TemporaryDirectory()
        let text = "name,problem,dimension,best_known,optimal,source\nx,tsp,3,7,yes,s\n"
        try FileManager.default.createDirectory(atPath: directory.path + "/set/tsp", withIntermediateDirectories: true)
        #expect(OptimaTable.beside(instancePath: directory.path + "/set/tsp/x.tsp") == nil)
        _ = try directory.write(text, to: "set/optima.csv")
        #expect(OptimaTable.beside(instancePath: directory.path + "/set/tsp/x.tsp")?["x"]?.bestKnown == 7)
        _ = try directory.write(text.replacingOccurrences(of: ",7,", with: ",8,"), to: "set/tsp/optima.csv")
        #expect(OptimaTable.beside(instancePath: directory.path + "/set/tsp/x.tsp")?["x"]?.bestKnown == 8)
    }

    /// The shared library's table lists every instance, all TSP/ATSP values proven optimal.
    @Test(.enabled(if: SharedInstances.directory != nil, SharedInstances.absentReason))
    func sharedTable() throws {
        let table = try #require(OptimaTable.beside(instancePath: SharedInstances.directory!.path + "/tsp/gr96.tsp"))
        #expect(table["gr96"]?.bestKnown == 55209 && table["gr96"]?.isOptimal == true)
        let nonCVRP = table.entries.filter { $0.problem != "cvrp" }
        #expect(nonCVRP.count == 81 && nonCVRP.allSatisfy { $0.isOptimal })
    }
}
