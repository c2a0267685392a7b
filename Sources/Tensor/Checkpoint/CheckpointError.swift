/// Why a checkpoint could not be written, read or applied. The description names the file and, where
/// one is involved, the tensor.
public struct CheckpointError: Error, Equatable, CustomStringConvertible {
    /// The specific problem.
    public enum Reason: Equatable, Sendable {
        /// The operating system refused an operation (open, read, write, fsync, rename).
        case fileSystem(operation: String, message: String)
        /// The file ends before the 8-byte header length, the header, or the tensor data.
        case truncated(expectedBytes: Int, actualBytes: Int)
        /// The declared header length is larger than the format allows or the file holds.
        case headerLengthOutOfRange(declared: UInt64, fileBytes: Int)
        /// The header is not the JSON object the format requires.
        case invalidHeader(String)
        /// A tensor's dtype is a valid safetensors dtype other than F32, or unknown.
        case unsupportedDType(tensor: String, dtype: String)
        /// A tensor's shape is not a list of non-negative integers, or its element count overflows.
        case invalidShape(tensor: String, String)
        /// A tensor's `data_offsets` do not describe its bytes inside the data buffer.
        case invalidOffsets(tensor: String, String)
        /// A tensor name is empty or reserved (`__metadata__`).
        case invalidTensorName(String)
        /// A tensor the caller needs is not in the file.
        case missingTensor(String)
        /// A tensor has a different shape from the one it is loaded into.
        case shapeMismatch(tensor: String, expected: [Int], found: [Int])
        /// The file holds tensors that nothing loads; listed so a wrong file is noticed.
        case unexpectedTensors([String])
        /// Two parameters share a name, so the file cannot say which is which.
        case duplicateParameterName(String)
        /// A metadata entry is missing or cannot be decoded.
        case invalidMetadata(key: String, String)
    }

    /// The file involved, or `<memory>` for a checkpoint that was never read from disk.
    public let path: String
    /// What went wrong.
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "checkpoint \(path): \(reasonText)" }

    private var reasonText: String {
        switch reason {
        case let .fileSystem(operation, message):
            return "\(operation) failed: \(message)"
        case let .truncated(expected, actual):
            return "file is truncated: needs \(expected) bytes, has \(actual)"
        case let .headerLengthOutOfRange(declared, fileBytes):
            return "header length \(declared) is out of range for a file of \(fileBytes) bytes"
        case let .invalidHeader(detail):
            return "invalid header: \(detail)"
        case let .unsupportedDType(tensor, dtype):
            return "tensor '\(tensor)' has unsupported dtype \(dtype); only F32 is supported"
        case let .invalidShape(tensor, detail):
            return "tensor '\(tensor)' has an invalid shape: \(detail)"
        case let .invalidOffsets(tensor, detail):
            return "tensor '\(tensor)' has invalid data_offsets: \(detail)"
        case let .invalidTensorName(name):
            return "invalid tensor name '\(name)'"
        case let .missingTensor(name):
            return "tensor '\(name)' is missing"
        case let .shapeMismatch(tensor, expected, found):
            return "tensor '\(tensor)' has shape \(found), expected \(expected)"
        case let .unexpectedTensors(names):
            return "unexpected tensors not loaded into anything: \(names.joined(separator: ", "))"
        case let .duplicateParameterName(name):
            return "two parameters are named '\(name)'"
        case let .invalidMetadata(key, detail):
            return "metadata '\(key)': \(detail)"
        }
    }
}
