import Foundation
import RealWorld
import Testing

@Suite struct FileChecksumTests {
    @Test("CRC-32 of \"123456789\" is the standard check value cbf43926; a missing file gives nil")
    func checkValue() throws {
        let folder = try RealWorldFixtures.temporaryDirectory()
        let file = folder.appendingPathComponent("check.txt")
        try Data("123456789".utf8).write(to: file)
        let checksum = try #require(FileChecksum.crc32(of: file.path))
        #expect(checksum.hex == "cbf43926" && checksum.bytes == 9)
        #expect(FileChecksum.crc32(of: folder.appendingPathComponent("none").path) == nil)
    }
}
