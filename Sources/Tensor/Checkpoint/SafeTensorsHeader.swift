import Foundation

/// The JSON header of a safetensors file: tensor entries (dtype, shape, byte range) and a string
/// metadata map under `__metadata__`.
///
/// Layout of the whole file: an 8-byte little-endian `UInt64` header length `N`, `N` bytes of UTF-8
/// JSON (padded with spaces to a multiple of 8, as the reference implementation does), then the data
/// buffer. `data_offsets` are `[begin, end)` byte ranges relative to the start of the data buffer;
/// the ranges tile the buffer exactly (no gaps, no overlaps), as the reference reader requires.
struct SafeTensorsHeader: Equatable {
    /// One tensor's header entry.
    struct Entry: Equatable {
        var name: String
        var shape: [Int]
        /// Byte range in the data buffer.
        var begin: Int
        var end: Int
    }

    /// The key that holds the metadata map.
    static let metadataKey = "__metadata__"
    /// The only element type this engine reads and writes.
    static let float32 = "F32"
    /// Headers above this size are rejected (the reference implementation's limit).
    static let maximumBytes = 100_000_000

    /// Tensor entries, ordered by their position in the data buffer.
    var entries: [Entry]
    /// Free-form string metadata.
    var metadata: [String: String]

    // MARK: - Writing

    /// Entries for `shapes` packed contiguously in name order, F32.
    init(packing shapes: [(name: String, shape: [Int])], metadata: [String: String]) {
        var offset = 0
        entries = shapes.sorted { $0.name < $1.name }.map { item in
            let bytes = item.shape.reduce(1, *) * MemoryLayout<Float>.size
            defer { offset += bytes }
            return Entry(name: item.name, shape: item.shape, begin: offset, end: offset + bytes)
        }
        self.metadata = metadata
    }

    /// Total size of the data buffer the entries describe.
    var dataByteCount: Int { entries.last?.end ?? 0 }

    /// The JSON text, space-padded to a multiple of 8 bytes. Keys are written in a fixed order, so equal
    /// checkpoints produce identical files.
    func encoded() -> [UInt8] {
        var fields: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(Self.quoted($0)):\(Self.quoted(metadata[$0]!))" }
            fields.append("\(Self.quoted(Self.metadataKey)):{\(pairs.joined(separator: ","))}")
        }
        for entry in entries {
            let shape = entry.shape.map(String.init).joined(separator: ",")
            fields.append("\(Self.quoted(entry.name)):{\"dtype\":\"\(Self.float32)\",\"shape\":[\(shape)],"
                + "\"data_offsets\":[\(entry.begin),\(entry.end)]}")
        }
        var bytes = Array("{\(fields.joined(separator: ","))}".utf8)
        while bytes.count % 8 != 0 { bytes.append(UInt8(ascii: " ")) }
        return bytes
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    // MARK: - Reading

    /// Parses and validates header bytes (the `N` bytes after the length prefix) against a data buffer of
    /// `dataByteCount` bytes.
    /// - Throws: ``CheckpointError`` naming `path` and the offending tensor.
    init(parsing bytes: ArraySlice<UInt8>, dataByteCount: Int, path: String) throws(CheckpointError) {
        func fail(_ reason: CheckpointError.Reason) -> CheckpointError { CheckpointError(path: path, reason: reason) }
        guard bytes.first == UInt8(ascii: "{") else { throw fail(.invalidHeader("does not start with '{'")) }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw fail(.invalidHeader("not valid UTF-8")) }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw fail(.invalidHeader("not a JSON object"))
            }
            object = parsed
        } catch let error as CheckpointError {
            throw error
        } catch {
            throw fail(.invalidHeader("malformed JSON (\(Self.summary(of: error)))"))
        }
        metadata = [:]
        entries = []
        for (key, value) in object {
            if key == Self.metadataKey {
                guard let map = value as? [String: Any], let strings = map as? [String: String] else {
                    throw fail(.invalidHeader("\(Self.metadataKey) must map strings to strings"))
                }
                metadata = strings
            } else {
                entries.append(try Self.entry(named: key, from: value, path: path))
            }
        }
        entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        try Self.checkTiling(entries, dataByteCount: dataByteCount, dataStart: 8 + bytes.count, path: path)
    }

    /// Validates and decodes one tensor's entry.
    private static func entry(named name: String, from value: Any, path: String) throws(CheckpointError) -> Entry {
        func fail(_ reason: CheckpointError.Reason) -> CheckpointError { CheckpointError(path: path, reason: reason) }
        guard !name.isEmpty else { throw fail(.invalidTensorName(name)) }
        guard let fields = value as? [String: Any] else {
            throw fail(.invalidHeader("entry for tensor '\(name)' is not an object"))
        }
        guard let dtype = fields["dtype"] as? String else {
            throw fail(.invalidHeader("tensor '\(name)' has no string 'dtype'"))
        }
        guard dtype == float32 else { throw fail(.unsupportedDType(tensor: name, dtype: dtype)) }
        guard let rawShape = fields["shape"] as? [Any] else {
            throw fail(.invalidShape(tensor: name, "'shape' is missing or not a list"))
        }
        var shape: [Int] = []
        var count = 1
        for extent in rawShape {
            guard let value = extent as? Int, value >= 0 else {
                throw fail(.invalidShape(tensor: name, "\(rawShape) holds a value that is not a non-negative integer"))
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: value)
            guard !overflow else { throw fail(.invalidShape(tensor: name, "element count of \(rawShape) overflows")) }
            shape.append(value)
            count = product
        }
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Float>.size)
        guard !overflow else { throw fail(.invalidShape(tensor: name, "byte size of \(shape) overflows")) }
        guard let offsets = fields["data_offsets"] as? [Any], offsets.count == 2,
              let begin = offsets[0] as? Int, let end = offsets[1] as? Int, begin >= 0, begin <= end else {
            throw fail(.invalidOffsets(tensor: name, "expected [begin, end] with 0 ≤ begin ≤ end"))
        }
        guard end - begin == byteCount else {
            throw fail(.invalidOffsets(tensor: name, "[\(begin), \(end)] spans \(end - begin) bytes, "
                + "but shape \(shape) of F32 needs \(byteCount)"))
        }
        return Entry(name: name, shape: shape, begin: begin, end: end)
    }

    /// Checks that sorted entries cover `[0, dataByteCount)` exactly, one after another. A buffer shorter
    /// than contiguous entries need means the file was cut off.
    private static func checkTiling(_ entries: [Entry], dataByteCount: Int, dataStart: Int, path: String) throws(CheckpointError) {
        var position = 0
        var previous: String?
        for entry in entries {
            if entry.end > dataByteCount && entry.begin != position {
                throw CheckpointError(path: path, reason: .invalidOffsets(tensor: entry.name,
                    "[\(entry.begin), \(entry.end)] lies outside the \(dataByteCount)-byte data buffer"))
            }
            if entry.begin < position {
                throw CheckpointError(path: path, reason: .invalidOffsets(tensor: entry.name,
                    "[\(entry.begin), \(entry.end)] overlaps tensor '\(previous ?? "")'"))
            }
            if entry.begin > position {
                throw CheckpointError(path: path, reason: .invalidOffsets(tensor: entry.name,
                    "[\(entry.begin), \(entry.end)] leaves a gap after byte \(position)"))
            }
            position = entry.end
            previous = entry.name
        }
        if position > dataByteCount {
            let (expected, overflow) = dataStart.addingReportingOverflow(position)
            throw CheckpointError(path: path, reason: .truncated(
                expectedBytes: overflow ? Int.max : expected, actualBytes: dataStart + dataByteCount))
        }
        guard position == dataByteCount else {
            throw CheckpointError(path: path, reason: .invalidHeader(
                "tensors cover \(position) bytes but the data buffer holds \(dataByteCount)"))
        }
    }

    private static func summary(of error: Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }
}
