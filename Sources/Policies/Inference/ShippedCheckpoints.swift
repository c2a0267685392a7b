import Foundation
import RoutingCore

/// The shipped policy checkpoints: files named `<problem><size>-<architecture>.safetensors`
/// (`tsp20-pomo.safetensors`, `cvrp50-attention.safetensors`) in a `checkpoints` folder.
///
/// Folders are searched in order; the first that holds any checkpoint for the problem decides, and in it
/// the checkpoint of the nearest size wins (POMO before the attention model at equal distance, then the
/// smaller size).
public struct ShippedCheckpoints: Sendable {
    /// One checkpoint file found by its name.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var problem: ProblemKind
        public var size: Int
        public var architecture: PolicyArchitecture
    }

    /// Folders searched, in order.
    public let folders: [String]

    /// Searches `folders` in order.
    public init(folders: [String]) {
        self.folders = folders
    }

    /// The standard search: `checkpoints/` in the current directory, then `checkpoints/` beside the
    /// executable and in its parent folders up to the repository root (`…/.build/release/routeopt`, also
    /// through the symbolic link SwiftPM makes), then the folder named by `ROUTEOPT_CHECKPOINTS`.
    public static func standard(currentDirectory: String = FileManager.default.currentDirectoryPath,
                                executablePath: String? = Bundle.main.executablePath ?? CommandLine.arguments.first,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> ShippedCheckpoints {
        var folders = [URL(fileURLWithPath: currentDirectory).appendingPathComponent("checkpoints").standardizedFileURL.path]
        if let executablePath, !executablePath.isEmpty {
            let given = URL(fileURLWithPath: executablePath, relativeTo: URL(fileURLWithPath: currentDirectory))
            for executable in [given.standardizedFileURL, given.resolvingSymlinksInPath()] {
                var directory = executable.deletingLastPathComponent()
                for _ in 0..<4 {
                    folders.append(directory.appendingPathComponent("checkpoints").standardizedFileURL.path)
                    directory = directory.deletingLastPathComponent()
                }
            }
        }
        if let named = environment["ROUTEOPT_CHECKPOINTS"], !named.isEmpty {
            folders.append(URL(fileURLWithPath: named, relativeTo: URL(fileURLWithPath: currentDirectory)).standardizedFileURL.path)
        }
        var seen = Set<String>()
        return ShippedCheckpoints(folders: folders.filter { seen.insert($0).inserted })
    }

    /// The checkpoint files in `folder` whose names follow the convention, sorted by name.
    public static func entries(in folder: String) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            parse(name).map { Entry(path: URL(fileURLWithPath: folder).appendingPathComponent(name).path,
                                    problem: $0.problem, size: $0.size, architecture: $0.architecture) }
        }
    }

    /// `tsp20-pomo.safetensors` → (tsp, 20, pomo); `nil` for any other name.
    static func parse(_ name: String) -> (problem: ProblemKind, size: Int, architecture: PolicyArchitecture)? {
        let suffix = ".safetensors"
        guard name.hasSuffix(suffix) else { return nil }
        let parts = name.dropLast(suffix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let architecture = PolicyArchitecture(rawValue: String(parts[1])) else { return nil }
        let head = parts[0]
        guard let digits = head.firstIndex(where: \.isNumber),
              let problem = ProblemKind(rawValue: String(head[..<digits])),
              let size = Int(head[digits...]), size > 0 else { return nil }
        return (problem, size, architecture)
    }

    /// The checkpoint for `problem` closest to `size` (cities for TSP, customers for CVRP).
    /// - Throws: ``PolicyError/noCheckpoint(problem:searched:)`` naming every folder searched.
    public func checkpoint(for problem: ProblemKind, size: Int) throws(PolicyError) -> Entry {
        for folder in folders {
            let candidates = Self.entries(in: folder).filter { $0.problem == problem }
            let best = candidates.min { a, b in
                (abs(a.size - size), a.architecture == .pomo ? 0 : 1, a.size) < (abs(b.size - size), b.architecture == .pomo ? 0 : 1, b.size)
            }
            if let best { return best }
        }
        throw .noCheckpoint(problem: problem, searched: folders)
    }
}
