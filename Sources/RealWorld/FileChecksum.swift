import CZlib
import Foundation

/// CRC-32 checksums of source files, recorded in a dataset's `city.json` so its provenance can be checked.
public enum FileChecksum {
    /// The CRC-32 (zlib's polynomial) of the file at `path` as 8 hexadecimal digits and its size in bytes, or `nil`
    /// when it cannot be read.
    public static func crc32(of path: String) -> (hex: String, bytes: Int)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let value = data.withUnsafeBytes { raw -> uLong in
            guard let base = raw.bindMemory(to: Bytef.self).baseAddress else { return 0 }
            return CZlib.crc32(0, base, uInt(raw.count))
        }
        return (String(format: "%08x", UInt32(truncatingIfNeeded: value)), data.count)
    }
}
