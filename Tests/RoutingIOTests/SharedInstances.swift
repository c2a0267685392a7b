import Foundation
import RoutingIO
import Testing

/// Locates the shared benchmark library (`shared/instances` beside the repository root).
enum SharedInstances {
    /// `…/shared/instances`, or `nil` when this checkout has no shared folder next to it.
    static let directory: URL? = {
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/instances")
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent("optima.csv").path) ? directory : nil
    }()

    /// Why the library tests are skipped.
    static let absentReason: Comment = "shared/instances not found next to the repository root; library tests skipped"

    /// Every file in the `tsp`, `atsp` and `cvrp` folders whose name ends with one of `suffixes`, sorted.
    static func files(endingWith suffixes: [String]) -> [String] {
        guard let directory else { return [] }
        return ["tsp", "atsp", "cvrp"].flatMap { folder -> [String] in
            let url = directory.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { name in suffixes.contains { name.hasSuffix($0) } }
                .map { url.appendingPathComponent($0).path }
        }.sorted()
    }

    /// Every instance file.
    static var instanceFiles: [String] { files(endingWith: [".tsp", ".atsp", ".vrp"]) }

    /// Every reference solution file.
    static var solutionFiles: [String] { files(endingWith: [".opt.tour", ".sol"]) }

    /// The library's `optima.csv`, read once.
    static let optima: OptimaTable? = directory.flatMap {
        try? OptimaTable.load(contentsOf: $0.appendingPathComponent("optima.csv").path)
    }

    /// The instance file a reference solution belongs to.
    static func instancePath(forSolution path: String) -> String {
        if path.hasSuffix(".opt.tour") {
            let stem = String(path.dropLast(".opt.tour".count))
            return FileManager.default.fileExists(atPath: stem + ".tsp") ? stem + ".tsp" : stem + ".atsp"
        }
        return String(path.dropLast(".sol".count)) + ".vrp"
    }

    /// The reference solution of an instance file, if the library has one.
    static func solutionPath(forInstance path: String) -> String? {
        let stem = String(path[..<(path.lastIndex(of: ".") ?? path.endIndex)])
        let candidate = stem + (path.hasSuffix(".vrp") ? ".sol" : ".opt.tour")
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
}
