import Foundation
import RealWorld
import Testing

/// The shared real-road data (`../shared/realworld` beside the repository) and the OSRM binaries of this checkout.
enum RealWorldFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `…/shared/realworld`, or `nil` when the checkout has no shared folder beside it.
    static let directory: URL? = {
        let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld")
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("osm/monaco.osm.pbf").path) ? folder : nil
    }()

    static let absentReason: Comment = "shared/realworld not found next to the repository root"

    /// A file of the shared folder.
    static func file(_ relativePath: String) -> URL? {
        directory?.appendingPathComponent(relativePath)
    }

    /// The OSRM installation: `$ROUTEOPT_OSRM_DIR`, else the repository's `.osrm` (what `scripts/setup_osrm.sh` and CI
    /// install), or `nil`.
    static let osrm: OSRMInstallation? = {
        if let variable = ProcessInfo.processInfo.environment[OSRMInstallation.environmentVariable],
           let installation = OSRMInstallation(folder: URL(fileURLWithPath: variable)) {
            return installation
        }
        return OSRMInstallation(folder: repositoryRoot.appendingPathComponent(".osrm"))
    }()

    static let osrmAbsentReason: Comment = "OSRM binaries not installed (run scripts/setup_osrm.sh; CI installs them)"

    /// `true` when both the data and the binaries are there.
    static var canRunOSRM: Bool { directory != nil && osrm != nil }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("realworld-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
