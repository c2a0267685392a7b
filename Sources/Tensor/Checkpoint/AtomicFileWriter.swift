import Foundation

/// Writes a file so that readers see either the old contents or the complete new contents, never a
/// partial file: data goes to a temporary file in the same directory, which is flushed to disk
/// (`fsync`) and then renamed over the target; the directory is synced so the rename survives a crash.
struct AtomicFileWriter {
    /// The final path.
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32

    /// Creates the parent directory if needed and opens a fresh temporary file beside `path`.
    init(path: String) throws(CheckpointError) {
        self.path = path
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CheckpointError(path: path, reason: .fileSystem(operation: "create directory \(directory.path)",
                                                                  message: error.localizedDescription))
        }
        temporaryPath = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CheckpointError(path: path, reason: .fileSystem(operation: "create \(temporaryPath)",
                                                                  message: Self.lastError()))
        }
    }

    /// Appends `bytes`.
    func append(_ bytes: UnsafeRawBufferPointer) throws(CheckpointError) {
        if let message = writeAll(bytes) {
            throw CheckpointError(path: path, reason: .fileSystem(operation: "write", message: message))
        }
    }

    /// Appends `bytes`.
    func append(_ bytes: [UInt8]) throws(CheckpointError) {
        if let message = bytes.withUnsafeBytes({ writeAll($0) }) {
            throw CheckpointError(path: path, reason: .fileSystem(operation: "write", message: message))
        }
    }

    /// Writes everything, retrying short and interrupted writes; the error text on failure.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return Self.lastError()
            }
            offset += written
        }
        return nil
    }

    /// Flushes, closes and moves the temporary file into place.
    mutating func commit() throws(CheckpointError) {
        guard fsync(descriptor) == 0 else {
            throw CheckpointError(path: path, reason: .fileSystem(operation: "fsync", message: Self.lastError()))
        }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else {
            throw CheckpointError(path: path, reason: .fileSystem(operation: "close", message: Self.lastError()))
        }
        guard rename(temporaryPath, path) == 0 else {
            throw CheckpointError(path: path, reason: .fileSystem(operation: "rename", message: Self.lastError()))
        }
        let directory = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    /// Closes and deletes the temporary file after a failure; the target is untouched.
    mutating func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
