import Foundation
import RoutingIO

/// Reads an OpenStreetMap `.osm.pbf` file: a sequence of blobs, each a 4-byte big-endian length, a `BlobHeader`
/// message of that length and a `Blob` message of the header's `datasize`.
///
/// The `OSMHeader` blob is checked for features this reader does not support (only `OsmSchema-V0.6` and
/// `DenseNodes` are required by ordinary extracts); every `OSMData` blob is inflated (raw or zlib; LZMA, LZ4 and
/// Zstandard blobs are refused) and decoded by ``OSMPrimitiveBlock``. Errors are ``FormatError``s naming the file
/// and the byte offset of the blob.
public enum OSMPBFFile {
    /// Required features this reader understands.
    static let supportedFeatures: Set<String> = ["OsmSchema-V0.6", "DenseNodes"]

    /// Calls `node` for every node and `way` for every way of the file, in file order.
    /// - Throws: ``FormatError`` naming the file and the offset of a malformed blob.
    public static func read(_ path: String, node: (_ id: Int64, _ longitude: Double, _ latitude: Double) -> Void,
                            way: (OSMWay) -> Void) throws(FormatError) {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FormatError(file: path, line: nil, message: "cannot read the .osm.pbf file")
        }
        var offset = 0
        var sawHeader = false
        while offset < bytes.count {
            let blobOffset = offset
            do throws(PBFDecodingError) {
                let (type, blob, next) = try blobAt(offset, in: bytes)
                offset = next
                switch type {
                case "OSMHeader":
                    try checkHeader(try inflated(blob))
                    sawHeader = true
                case "OSMData":
                    guard sawHeader else { throw PBFDecodingError("OSMData blob before the OSMHeader blob") }
                    try OSMPrimitiveBlock(try inflated(blob)).decode(node: node, way: way)
                default:
                    continue  // unknown blob types are skipped, as the format asks
                }
            } catch {
                throw FormatError(file: path, line: nil, message: "blob at byte \(blobOffset): \(error.description)")
            }
        }
        guard sawHeader else { throw FormatError(file: path, line: nil, message: "no OSMHeader blob: not an .osm.pbf file") }
    }

    /// The blob starting at `offset`: its type, the range of its `Blob` message and the offset after it.
    private static func blobAt(_ offset: Int, in bytes: [UInt8]) throws(PBFDecodingError)
        -> (type: String, blob: ProtobufReader, next: Int) {
        guard bytes.count - offset >= 4 else { throw PBFDecodingError("file ends inside a blob length") }
        let headerLength = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        guard headerLength <= 64 * 1024, headerLength <= bytes.count - offset - 4 else {
            throw PBFDecodingError("blob header length \(headerLength) is invalid or runs past the end of the file")
        }
        var header = ProtobufReader(bytes, range: (offset + 4)..<(offset + 4 + headerLength))
        var type = ""
        var dataSize = -1
        while let field = try header.nextField() {
            switch (field.number, field.type) {
            case (1, .lengthDelimited): type = try header.string()
            case (3, .varint): dataSize = Int(truncatingIfNeeded: try header.varint())
            default: try header.skip(field.type)
            }
        }
        let dataStart = offset + 4 + headerLength
        guard dataSize >= 0, dataSize <= 32 << 20, dataSize <= bytes.count - dataStart else {
            throw PBFDecodingError("blob data size \(dataSize) is missing, too large or runs past the end of the file")
        }
        return (type, ProtobufReader(bytes, range: dataStart..<(dataStart + dataSize)), dataStart + dataSize)
    }

    /// The uncompressed content of a `Blob` message.
    private static func inflated(_ blob: ProtobufReader) throws(PBFDecodingError) -> [UInt8] {
        var blob = blob
        var raw: Range<Int>?
        var compressed: Range<Int>?
        var rawSize = -1
        while let field = try blob.nextField() {
            switch (field.number, field.type) {
            case (1, .lengthDelimited): raw = try blob.lengthDelimited()
            case (2, .varint): rawSize = Int(truncatingIfNeeded: try blob.varint())
            case (3, .lengthDelimited): compressed = try blob.lengthDelimited()
            case (4, _), (5, _), (6, _), (7, _):
                throw PBFDecodingError("LZMA/bzip2/LZ4/Zstandard-compressed blobs are not supported (only raw and zlib)")
            default: try blob.skip(field.type)
            }
        }
        if let raw { return Array(blob.bytes[raw]) }
        guard let compressed else { throw PBFDecodingError("blob without data") }
        guard rawSize >= 0 else { throw PBFDecodingError("zlib blob without its raw_size") }
        return try ZlibInflater.inflate(blob.bytes, range: compressed, expectedSize: rawSize)
    }

    /// Refuses a file whose `HeaderBlock` requires features this reader does not implement.
    private static func checkHeader(_ bytes: [UInt8]) throws(PBFDecodingError) {
        var header = ProtobufReader(bytes)
        while let field = try header.nextField() {
            if field.number == 4, field.type == .lengthDelimited {
                let feature = try header.string()
                guard supportedFeatures.contains(feature) else {
                    throw PBFDecodingError("the file requires the unsupported feature '\(feature)'")
                }
            } else {
                try header.skip(field.type)
            }
        }
    }
}
