import Foundation
import Testing
import RoutingCore
@testable import Tensor

@Suite struct CheckpointTests {
    /// Tensors with awkward shapes and values, for round trips.
    static func sampleTensors() -> [String: Tensor] {
        var rng = SeededGenerator(seed: 11)
        let special: [Float] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                Float(bitPattern: 0x7FC0_1234), 1e-30]
        return [
            "encoder.weight": Tensor.uniform([3, 5], bound: 2, using: &rng),
            "encoder.bias": Tensor.normal([5], using: &rng),
            "scalar": Tensor([42.5], shape: []),
            "empty": Tensor(zeros: [0, 3]),
            "special": Tensor(special, shape: [2, 4]),
            "naïve \"quoted\" name": Tensor([1, 2], shape: [2]),
        ]
    }

    /// Writing then reading returns bit-identical tensors, the same shapes and the same metadata.
    @Test func roundTripIsExact() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let tensors = Self.sampleTensors()
        let metadata = ["config": #"{"layers": 3, "name": "am\n\"tsp\""}"#, "step": "17", "ünïcode": "✓\t\u{1}"]
        try Checkpoint.write(tensors: tensors, metadata: metadata, to: directory.file("model.safetensors"))
        let loaded = try Checkpoint.read(from: directory.file("model.safetensors"))
        #expect(loaded.metadata == metadata)
        #expect(loaded.source == directory.file("model.safetensors"))
        #expect(Set(loaded.tensors.keys) == Set(tensors.keys))
        for (name, tensor) in tensors {
            #expect(loaded.tensors[name]?.shape == tensor.shape)
            #expect(loaded.tensors[name]?.scalars.map(\.bitPattern) == tensor.scalars.map(\.bitPattern))
        }
    }

    /// The file starts with the little-endian header length, the header is space-padded to a multiple of
    /// 8 bytes, and the data buffer is packed in name order right after it.
    @Test func layoutFollowsSafetensors() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("a.safetensors")
        try Checkpoint.write(tensors: ["b": Tensor([1, 2, 3], shape: [3]), "a": Tensor([4], shape: [1])],
                             metadata: ["k": "v"], to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let length = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(length % 8 == 0)
        #expect(bytes.count == 8 + length + 16)
        let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
        #expect(header.hasPrefix("{"))
        #expect(header.contains(#""a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}"#))
        #expect(header.contains(#""b":{"dtype":"F32","shape":[3],"data_offsets":[4,16]}"#))
        #expect(header.contains(#""__metadata__":{"k":"v"}"#))
        let firstValue = bytes[(8 + length)..<(12 + length)].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(Float(bitPattern: firstValue) == 4)
    }

    /// Overwriting replaces the file and leaves no temporary files; a failed write keeps the target.
    @Test func writeIsAtomic() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("model.safetensors")
        try Checkpoint.write(tensors: ["x": Tensor([1], shape: [1])], metadata: [:], to: path)
        try Checkpoint.write(tensors: ["x": Tensor([2], shape: [1])], metadata: [:], to: path)
        #expect(try Checkpoint.read(from: path).tensors["x"]?.scalars == [2])
        #expect(directory.contents() == ["model.safetensors"])

        let blocked = directory.file("occupied")
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        #expect {
            try Checkpoint.write(tensors: ["x": Tensor([3], shape: [1])], metadata: [:], to: blocked)
        } throws: { error in
            guard let error = error as? CheckpointError, case .fileSystem(let operation, _) = error.reason else { return false }
            return operation == "rename" && error.description.contains(blocked)
        }
        #expect(directory.contents() == ["model.safetensors", "occupied"])
    }

    /// The reserved name `__metadata__` and the empty name cannot be written as tensors.
    @Test func reservedNamesAreRejected() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for name in ["__metadata__", ""] {
            #expect(throws: CheckpointError(path: directory.file("x"), reason: .invalidTensorName(name))) {
                try Checkpoint.write(tensors: [name: Tensor([1], shape: [1])], metadata: [:], to: directory.file("x"))
            }
        }
        #expect(directory.contents().isEmpty)
    }

    /// Every kind of damaged file yields its specific error naming the file (and tensor), never a crash.
    @Test(arguments: CorruptFile.all)
    func corruptFilesGiveClearErrors(_ corrupt: CorruptFile) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("broken.safetensors")
        try Data(corrupt.bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            try Checkpoint.read(from: path)
        } throws: { error in
            guard let error = error as? CheckpointError else { return false }
            return corrupt.matches(error.reason) && error.description.contains(path)
                && error.description.contains(corrupt.mentions)
        }
    }

    /// A missing file is a read error naming it.
    @Test func missingFileIsAnError() {
        #expect {
            try Checkpoint.read(from: "/nonexistent/dir/model.safetensors")
        } throws: { error in
            guard let error = error as? CheckpointError, case .fileSystem = error.reason else { return false }
            return error.description.contains("/nonexistent/dir/model.safetensors")
        }
    }
}

/// A hand-built damaged safetensors file and the error it must produce.
struct CorruptFile: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let bytes: [UInt8]
    /// Text the error description must contain (usually the tensor name).
    let mentions: String
    let matches: @Sendable (CheckpointError.Reason) -> Bool

    /// A file with `header` (padded to 8 bytes) and `dataBytes` zero bytes of data.
    static func file(header: String, dataBytes: Int, declaredLength: UInt64? = nil) -> [UInt8] {
        var headerBytes = Array(header.utf8)
        while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }
        let length = declaredLength ?? UInt64(headerBytes.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) } + headerBytes + [UInt8](repeating: 0, count: dataBytes)
    }

    static func entry(_ name: String, dtype: String = "F32", shape: String = "[2]", offsets: String = "[0,8]") -> String {
        #""\#(name)":{"dtype":"\#(dtype)","shape":\#(shape),"data_offsets":\#(offsets)}"#
    }

    static let valid = "{\(entry("w"))}"

    static let all: [CorruptFile] = [
        CorruptFile(testDescription: "empty file", bytes: [], mentions: "truncated") {
            if case .truncated(8, 0) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "five bytes", bytes: [1, 0, 0, 0, 0], mentions: "truncated") {
            if case .truncated(8, 5) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "header length beyond file",
                    bytes: file(header: valid, dataBytes: 8, declaredLength: 4096), mentions: "4096") {
            if case .headerLengthOutOfRange(4096, _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "header length UInt64.max",
                    bytes: file(header: valid, dataBytes: 8, declaredLength: .max), mentions: "out of range") {
            if case .headerLengthOutOfRange(.max, _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "data cut off", bytes: file(header: valid, dataBytes: 5), mentions: "truncated") {
            if case .truncated = $0 { true } else { false }
        },
        CorruptFile(testDescription: "malformed JSON", bytes: file(header: #"{"w": {"dtype": "F32",,}"#, dataBytes: 0),
                    mentions: "malformed JSON") {
            if case .invalidHeader = $0 { true } else { false }
        },
        CorruptFile(testDescription: "header is a list", bytes: file(header: "[1, 2]", dataBytes: 0), mentions: "'{'") {
            if case .invalidHeader = $0 { true } else { false }
        },
        CorruptFile(testDescription: "invalid UTF-8", bytes: file(header: "{\"w\u{7F}\"}", dataBytes: 0).map { $0 == 0x7F ? 0xFF : $0 },
                    mentions: "UTF-8") {
            if case .invalidHeader = $0 { true } else { false }
        },
        CorruptFile(testDescription: "metadata not strings",
                    bytes: file(header: #"{"__metadata__":{"step":3},\#(entry("w"))}"#, dataBytes: 8), mentions: "__metadata__") {
            if case .invalidHeader = $0 { true } else { false }
        },
        CorruptFile(testDescription: "F16 dtype", bytes: file(header: "{\(entry("half", dtype: "F16", offsets: "[0,4]"))}", dataBytes: 4),
                    mentions: "'half' has unsupported dtype F16") {
            $0 == .unsupportedDType(tensor: "half", dtype: "F16")
        },
        CorruptFile(testDescription: "BF16 dtype", bytes: file(header: "{\(entry("b", dtype: "BF16", offsets: "[0,4]"))}", dataBytes: 4),
                    mentions: "BF16") {
            $0 == .unsupportedDType(tensor: "b", dtype: "BF16")
        },
        CorruptFile(testDescription: "I64 dtype", bytes: file(header: "{\(entry("ids", dtype: "I64", offsets: "[0,16]"))}", dataBytes: 16),
                    mentions: "I64") {
            $0 == .unsupportedDType(tensor: "ids", dtype: "I64")
        },
        CorruptFile(testDescription: "missing dtype", bytes: file(header: #"{"w":{"shape":[2],"data_offsets":[0,8]}}"#, dataBytes: 8),
                    mentions: "'w'") {
            if case .invalidHeader = $0 { true } else { false }
        },
        CorruptFile(testDescription: "negative extent", bytes: file(header: "{\(entry("w", shape: "[-2]"))}", dataBytes: 8), mentions: "'w'") {
            if case .invalidShape(tensor: "w", _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "fractional extent", bytes: file(header: "{\(entry("w", shape: "[2.5]"))}", dataBytes: 8), mentions: "'w'") {
            if case .invalidShape(tensor: "w", _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "overflowing shape",
                    bytes: file(header: "{\(entry("w", shape: "[4294967296,4294967296]"))}", dataBytes: 8), mentions: "overflows") {
            if case .invalidShape(tensor: "w", _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "offsets do not match shape", bytes: file(header: "{\(entry("w", offsets: "[0,12]"))}", dataBytes: 12),
                    mentions: "'w'") {
            if case .invalidOffsets(tensor: "w", _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "offsets reversed", bytes: file(header: "{\(entry("w", offsets: "[8,0]"))}", dataBytes: 8),
                    mentions: "'w'") {
            if case .invalidOffsets(tensor: "w", _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "offsets beyond the buffer",
                    bytes: file(header: "{\(entry("w", offsets: "[1000000,1000008]"))}", dataBytes: 8), mentions: "outside") {
            if case .invalidOffsets(tensor: "w", _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "overlapping tensors",
                    bytes: file(header: "{\(entry("a")),\(entry("b", offsets: "[4,12]"))}", dataBytes: 12), mentions: "overlaps tensor 'a'") {
            if case .invalidOffsets(tensor: "b", _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "gap between tensors",
                    bytes: file(header: "{\(entry("a")),\(entry("b", offsets: "[12,20]"))}", dataBytes: 20), mentions: "gap") {
            if case .invalidOffsets(tensor: "b", _) = $0 { true } else { false }
        },
        CorruptFile(testDescription: "trailing bytes", bytes: file(header: valid, dataBytes: 12), mentions: "holds 12") {
            if case .invalidHeader = $0 { true } else { false }
        },
    ]
}
