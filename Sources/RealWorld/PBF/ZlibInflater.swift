import CZlib

/// Inflates zlib-compressed data (the `zlib_data` of an `.osm.pbf` blob) with the system's zlib.
enum ZlibInflater {
    /// Decompresses `bytes[range]`, which must inflate to exactly `expectedSize` bytes.
    /// - Throws: ``PBFDecodingError`` when the data is corrupt or its size differs from `expectedSize`.
    static func inflate(_ bytes: [UInt8], range: Range<Int>, expectedSize: Int) throws(PBFDecodingError) -> [UInt8] {
        guard expectedSize >= 0, expectedSize <= 64 << 20 else {
            throw PBFDecodingError("blob claims \(expectedSize) uncompressed bytes (the format allows 32 MiB)")
        }
        guard !range.isEmpty else { throw PBFDecodingError("compressed blob is empty") }
        var output = [UInt8](repeating: 0, count: expectedSize)
        var outputSize = uLongf(expectedSize)
        let status = output.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                uncompress(target.baseAddress, &outputSize, source.baseAddress! + range.lowerBound, uLong(range.count))
            }
        }
        guard status == Z_OK else {
            let reason = status == Z_BUF_ERROR ? "inflates to more than the stated \(expectedSize) bytes"
                : status == Z_DATA_ERROR ? "corrupt zlib data" : "zlib error \(status)"
            throw PBFDecodingError("compressed blob: \(reason)")
        }
        guard Int(outputSize) == expectedSize else {
            throw PBFDecodingError("compressed blob inflates to \(outputSize) bytes, stated \(expectedSize)")
        }
        return output
    }
}
