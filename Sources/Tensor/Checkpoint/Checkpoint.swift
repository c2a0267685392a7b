import Foundation

/// Named float32 tensors plus string metadata, stored in the safetensors format so that numpy,
/// PyTorch (`safetensors.torch.load_file`) and reference implementations read the same weights.
///
/// Writing is atomic (temporary file, `fsync`, rename): an interrupted save leaves the previous
/// checkpoint intact. Reading validates the whole header before touching data and reports any
/// problem as a ``CheckpointError`` naming the file and tensor; a corrupt file never crashes.
///
/// Conventions used by this engine's metadata: see ``TrainingState`` (step, epoch, model
/// configuration, optimiser and random-stream state).
public struct Checkpoint: Sendable {
    /// Tensors by name (`encoder.layers.0.attention.query.weight`).
    public var tensors: [String: Tensor]
    /// Free-form string metadata (`__metadata__` in the file).
    public var metadata: [String: String]
    /// The file this checkpoint was read from, `<memory>` otherwise; errors name it.
    public var source: String

    /// A checkpoint held in memory.
    public init(tensors: [String: Tensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
        self.source = "<memory>"
    }

    // MARK: - Writing

    /// Writes `tensors` and `metadata` to `path` atomically, creating the directory if needed.
    /// - Throws: ``CheckpointError`` for an invalid tensor name or a file-system failure.
    public static func write(tensors: [String: Tensor], metadata: [String: String], to path: String) throws(CheckpointError) {
        for name in tensors.keys where name.isEmpty || name == SafeTensorsHeader.metadataKey {
            throw CheckpointError(path: path, reason: .invalidTensorName(name))
        }
        let header = SafeTensorsHeader(packing: tensors.map { ($0.key, $0.value.shape) }, metadata: metadata)
        let headerBytes = header.encoded()
        var writer = try AtomicFileWriter(path: path)
        do {
            let length = UInt64(headerBytes.count)
            try writer.append((0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) } + headerBytes)
            for entry in header.entries {
                try Self.appendLittleEndian(tensors[entry.name]!, to: writer)
            }
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Writes this checkpoint's tensors and metadata to `path` atomically.
    public func write(to path: String) throws(CheckpointError) {
        try Self.write(tensors: tensors, metadata: metadata, to: path)
    }

    private static func appendLittleEndian(_ tensor: Tensor, to writer: AtomicFileWriter) throws(CheckpointError) {
        #if _endian(little)
        try writer.append(UnsafeRawBufferPointer(start: tensor.buffer.pointer, count: tensor.count * 4))
        #else
        try writer.append(tensor.scalars.flatMap { value in
            (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) }
        })
        #endif
    }

    // MARK: - Reading

    /// Reads and validates a safetensors file.
    /// - Throws: ``CheckpointError``: unreadable file, truncation, a header length beyond the file,
    ///   malformed JSON, non-F32 dtypes, bad shapes, or `data_offsets` that overlap, leave gaps or
    ///   fall outside the data buffer.
    public static func read(from path: String) throws(CheckpointError) -> Checkpoint {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CheckpointError(path: path, reason: .fileSystem(operation: "read", message: error.localizedDescription))
        }
        guard data.count >= 8 else {
            throw CheckpointError(path: path, reason: .truncated(expectedBytes: 8, actualBytes: data.count))
        }
        let declared = data.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard declared <= UInt64(SafeTensorsHeader.maximumBytes), Int(declared) <= data.count - 8 else {
            throw CheckpointError(path: path, reason: .headerLengthOutOfRange(declared: declared, fileBytes: data.count))
        }
        let dataStart = 8 + Int(declared)
        let headerBytes = [UInt8](data[(data.startIndex + 8)..<(data.startIndex + dataStart)])
        let header = try SafeTensorsHeader(parsing: headerBytes[...], dataByteCount: data.count - dataStart, path: path)
        var checkpoint = Checkpoint(tensors: [:], metadata: header.metadata)
        checkpoint.source = path
        data.withUnsafeBytes { raw in
            for entry in header.entries {
                let tensor = Tensor(uninitializedShape: entry.shape)
                let source = UnsafeRawBufferPointer(rebasing: raw[(dataStart + entry.begin)..<(dataStart + entry.end)])
                UnsafeMutableRawBufferPointer(start: tensor.buffer.pointer, count: source.count).copyMemory(from: source)
                #if _endian(big)
                for i in 0..<tensor.count {
                    tensor.buffer.pointer[i] = Float(bitPattern: UInt32(littleEndian: tensor.buffer.pointer[i].bitPattern))
                }
                #endif
                checkpoint.tensors[entry.name] = tensor
            }
        }
        return checkpoint
    }

    // MARK: - Lookup with checks

    /// The tensor called `name`, checked to have `shape`.
    /// - Throws: ``CheckpointError/Reason/missingTensor(_:)`` or ``CheckpointError/Reason/shapeMismatch(tensor:expected:found:)``.
    public func tensor(named name: String, shape: [Int]) throws(CheckpointError) -> Tensor {
        guard let tensor = tensors[name] else {
            throw CheckpointError(path: source, reason: .missingTensor(name))
        }
        guard tensor.shape == shape else {
            throw CheckpointError(path: source, reason: .shapeMismatch(tensor: name, expected: shape, found: tensor.shape))
        }
        return tensor
    }

    /// The metadata value for `key`.
    /// - Throws: ``CheckpointError/Reason/invalidMetadata(key:_:)`` when it is absent.
    public func metadataValue(_ key: String) throws(CheckpointError) -> String {
        guard let value = metadata[key] else {
            throw CheckpointError(path: source, reason: .invalidMetadata(key: key, "missing"))
        }
        return value
    }

    /// The metadata value for `key` parsed as an integer.
    public func integerMetadata(_ key: String) throws(CheckpointError) -> Int {
        let text = try metadataValue(key)
        guard let value = Int(text) else {
            throw CheckpointError(path: source, reason: .invalidMetadata(key: key, "'\(text)' is not an integer"))
        }
        return value
    }
}
