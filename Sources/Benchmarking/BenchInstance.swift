import Foundation
import RoutingCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RoutingIO

/// One instance of a bench run: a file, or one member of a ``GeneratedSet``. It is read only when its
/// turn comes, so a large set costs no memory up front.
public struct BenchInstance: Sendable, Hashable {
    /// Where the instance comes from.
    public enum Origin: Sendable, Hashable {
        /// An instance file.
        case file(String)
        /// Instance `index` of a generated set.
        case generated(GeneratedSet, index: Int)
    }

    /// The instance's name (file base name, or `tsp50-s1234-0007`): the key of its rows in `results.csv`.
    public let name: String
    /// Where it comes from.
    public let origin: Origin

    public init(name: String, origin: Origin) {
        self.name = name
        self.origin = origin
    }

    /// The file, when the instance is one.
    public var path: String? {
        if case .file(let path) = origin { return path }
        return nil
    }

    /// Reads or generates the instance.
    /// - Throws: ``FormatError`` for an unreadable file.
    public func load() throws -> Instance {
        switch origin {
        case .file(let path): return try InstanceReader.read(contentsOf: path)
        case let .generated(set, index): return try set.instance(at: index)
        }
    }

    /// The `optima.csv` entry beside the instance file (in its folder or the one above), if any, for
    /// the instance's kind and dimension.
    public func optimaEntry(kind: ProblemKind, dimension: Int) -> OptimaTable.Entry? {
        path.flatMap { OptimaTable.beside(instancePath: $0)?.entry(name: name, kind: kind, dimension: dimension) }
    }

    /// Instance file extensions picked up from folders.
    public static let fileExtensions: Set<String> = ["tsp", "atsp", "vrp"]

    // MARK: - Expanding arguments

    /// The instances named by command-line arguments, in order: files, folders (searched recursively for
    /// `.tsp`, `.atsp` and `.vrp`, sorted by path), glob patterns (`instances/*.tsp`) and generated sets.
    /// - Throws: ``BenchError`` for an argument that matches nothing, a malformed generated set, two
    ///   instances with the same name, or no instances at all.
    public static func expand(_ arguments: [String]) throws(BenchError) -> [BenchInstance] {
        var instances: [BenchInstance] = []
        var firstSource: [String: String] = [:]
        for argument in arguments {
            for instance in try expand(argument) {
                let source = instance.path ?? argument
                if let earlier = firstSource[instance.name] {
                    if earlier == source { continue }
                    throw .duplicateInstance(name: instance.name, first: earlier, second: source)
                }
                firstSource[instance.name] = source
                instances.append(instance)
            }
        }
        guard !instances.isEmpty else { throw .noInstances }
        return instances
    }

    private static func expand(_ argument: String) throws(BenchError) -> [BenchInstance] {
        if argument.hasPrefix("generated:") {
            let set = try GeneratedSet(parsing: argument)
            return set.indices.map { BenchInstance(name: set.name(of: $0), origin: .generated(set, index: $0)) }
        }
        var isDirectory: ObjCBool = false
        let paths: [String]
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
            paths = isDirectory.boolValue ? instanceFiles(under: argument) : [argument]
        } else {
            paths = Self.paths(matching: argument).filter { fileExtensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
        }
        guard !paths.isEmpty else { throw .missingInstances(argument) }
        return paths.map { path in
            BenchInstance(name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, origin: .file(path))
        }
    }

    /// Instance files below `folder`, sorted by path.
    private static func instanceFiles(under folder: String) -> [String] {
        let base = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var found: [String] = []
        for case let url as URL in walker where fileExtensions.contains(url.pathExtension.lowercased()) {
            let relative = url.path.hasPrefix(base.path + "/") ? String(url.path.dropFirst(base.path.count + 1)) : url.lastPathComponent
            found.append(folder.hasSuffix("/") ? folder + relative : folder + "/" + relative)
        }
        return found.sorted()
    }

    /// Paths matching a shell pattern (`*`, `?`, `[…]`), sorted.
    private static func paths(matching pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [] }
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { matches.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
