import Foundation
import RealWorld
import Testing

@Suite struct OSRMInstallationTests {
    @Test("a folder without the binaries is refused with the folders searched and how to install")
    func missing() throws {
        let folder = try RealWorldFixtures.temporaryDirectory()
        #expect(OSRMInstallation(folder: folder) == nil)
        do {
            _ = try OSRMInstallation.locate(explicitFolder: folder.path)
            Issue.record("found OSRM in an empty folder")
        } catch {
            #expect(error == .osrmNotInstalled(searched: [folder.path]))
            #expect(error.description.contains("scripts/setup_osrm.sh"))
        }
    }

    @Test("the wheel layout (osrm/bin, osrm/share/profiles/car.lua) is recognised",
          .enabled(if: RealWorldFixtures.osrm != nil, RealWorldFixtures.osrmAbsentReason))
    func wheelLayout() throws {
        let installation = try #require(RealWorldFixtures.osrm)
        #expect(installation.carProfile.lastPathComponent == "car.lua")
        #expect(OSRMInstallation.tools.allSatisfy { FileManager.default.isExecutableFile(atPath: installation.tool($0).path) })
    }
}
