import Foundation

/// Reads and writes square matrices stored as raw little-endian `Float32`, row-major (`[from][to]`), the layout
/// of the city datasets (`distance_m.f32`, `duration_s.f32`).
public enum Float32MatrixFile {
    /// Reads an `n × n` matrix; `n` is given, or derived from the file size when `nil`.
    /// - Throws: ``FormatError`` naming the file when it cannot be read, its size is not `4·n²` bytes, or an
    ///   entry is NaN or infinite (with its row and column). Signs are the caller's to check.
    public static func read(_ path: String, count: Int? = nil) throws(FormatError) -> [Float] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FormatError(file: path, line: nil, message: "cannot read the matrix file")
        }
        let entries = data.count / 4
        let side = count ?? Int(Double(entries).squareRoot().rounded())
        guard data.count % 4 == 0, side > 0, side * side * 4 == data.count else {
            let expected = count.map { "\($0 * $0 * 4) bytes (\($0)×\($0) float32)" } ?? "4·n² bytes for an n×n float32 matrix"
            throw FormatError(file: path, line: nil, message: "size \(data.count) bytes, expected \(expected)")
        }
        let values: [Float] = data.withUnsafeBytes { raw in
            (0..<entries).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw FormatError(file: path, line: nil,
                              message: "entry [\(bad / side)][\(bad % side)] is \(values[bad]), not a finite number")
        }
        return values
    }

    /// Writes `values` (row-major) as little-endian `Float32`, atomically.
    /// - Throws: ``FormatError`` naming the file when it cannot be written.
    public static func write(_ values: [Float], to path: String) throws(FormatError) {
        var data = Data(capacity: values.count * 4)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FormatError(file: path, line: nil, message: "cannot write the matrix file: \(error.localizedDescription)")
        }
    }
}
