import Foundation

/// Where the OSRM binaries and the car profile are: the layout of the PyPI wheel `osrm-bindings` unpacked by
/// `scripts/setup_osrm.sh` (`DIR/osrm/bin/osrm-*`, `DIR/osrm/share/profiles/car.lua`), or a folder that holds the
/// binaries directly with `profiles/car.lua` beside or above it.
public struct OSRMInstallation: Sendable, Equatable {
    /// The folder with `osrm-extract`, `osrm-partition`, `osrm-customize` and `osrm-routed`.
    public let binaries: URL
    /// The car profile (`car.lua`) the graph is built with.
    public let carProfile: URL

    /// The tools the pipeline runs.
    public static let tools = ["osrm-extract", "osrm-partition", "osrm-customize", "osrm-routed"]
    /// The environment variable naming an installation folder.
    public static let environmentVariable = "ROUTEOPT_OSRM_DIR"

    /// The path of tool `name`.
    public func tool(_ name: String) -> URL { binaries.appendingPathComponent(name) }

    /// The installation in `folder`, or `nil` when the binaries or the profile are missing there.
    public init?(folder: URL) {
        let fileManager = FileManager.default
        let layouts = [
            (folder.appendingPathComponent("osrm/bin"), folder.appendingPathComponent("osrm/share/profiles/car.lua")),
            (folder.appendingPathComponent("bin"), folder.appendingPathComponent("share/profiles/car.lua")),
            (folder, folder.appendingPathComponent("profiles/car.lua")),
        ]
        for (binaries, profile) in layouts
        where Self.tools.allSatisfy({ fileManager.isExecutableFile(atPath: binaries.appendingPathComponent($0).path) })
            && fileManager.fileExists(atPath: profile.path) {
            self.binaries = binaries
            self.carProfile = profile
            return
        }
        return nil
    }

    /// Finds the binaries: in `explicitFolder` when given (and only there); otherwise in `$ROUTEOPT_OSRM_DIR`,
    /// `./.osrm`, then `.osrm` beside the running executable and in its parent folders (the repository root for
    /// `.build/release/routeopt`).
    /// - Throws: ``RealWorldError/osrmNotInstalled(searched:)`` listing every folder looked in.
    public static func locate(explicitFolder: String? = nil) throws(RealWorldError) -> OSRMInstallation {
        var candidates = [URL]()
        if let explicitFolder {
            candidates = [URL(fileURLWithPath: explicitFolder)]
        } else {
            if let variable = ProcessInfo.processInfo.environment[environmentVariable], !variable.isEmpty {
                candidates.append(URL(fileURLWithPath: variable))
            }
            candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".osrm"))
            var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(directory.appendingPathComponent(".osrm"))
                directory = directory.deletingLastPathComponent()
            }
        }
        for folder in candidates {
            if let installation = OSRMInstallation(folder: folder) { return installation }
        }
        throw .osrmNotInstalled(searched: candidates.map(\.path))
    }
}
