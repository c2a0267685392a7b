import Foundation
import RoutingIO
import SwiftCSV

/// `results.csv` of a bench run: read on start (to resume), appended to row by row while the run goes
/// (each row one `write`, so an interrupted run leaves whole rows), rewritten with the final gaps at the end.
///
/// Thread-safe: workers append concurrently.
public final class ResultsFile: @unchecked Sendable {
    /// The file.
    public let path: String
    private let lock = NSLock()
    private var handle: FileHandle?

    public init(path: String) {
        self.path = path
    }

    deinit {
        try? handle?.close()
    }

    /// The rows in the file; none when it does not exist. A last line cut short (no line break, or
    /// fields that do not parse) is dropped: that is what an interrupted write leaves.
    /// - Throws: ``FormatError`` when the file exists but is not a results table (wrong header, a bad row
    ///   before the last), so a wrong `--output` is never overwritten.
    public func read() throws -> [BenchRow] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FormatError(file: path, line: nil, message: "cannot be read (\(error.localizedDescription))")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw FormatError(file: path, line: nil, message: "not UTF-8 text")
        }
        if !text.isEmpty, !text.hasSuffix("\n") {
            text = String(text[..<(text.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex)])
        }
        guard !text.isEmpty else { return [] }
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw FormatError(file: path, line: nil, message: "not a valid CSV file (\(error))")
        }
        guard csv.header == BenchRow.columns else {
            throw FormatError(file: path, line: 1, message: "not a bench results file (expected the header "
                              + "\(BenchRow.columns.joined(separator: ",")))")
        }
        var rows: [BenchRow] = []
        for (index, fields) in csv.rows.enumerated() where !(fields.count == 1 && fields[0].isEmpty) {
            guard let row = BenchRow(fields: fields) else {
                if index == csv.rows.count - 1 { break }
                throw FormatError(file: path, line: index + 2, message: "a row that does not parse: \(fields.joined(separator: ","))")
            }
            rows.append(row)
        }
        return rows
    }

    /// Replaces the file's contents with `rows` (atomically) and leaves it open for ``append(_:)``.
    public func rewrite(_ rows: [BenchRow]) throws {
        lock.lock()
        defer { lock.unlock() }
        try? handle?.close()
        handle = nil
        let text = ([BenchRow.columns.joined(separator: ",")] + rows.map(\.csvLine)).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Appends one row, written through to the file at once.
    public func append(_ row: BenchRow) throws {
        lock.lock()
        defer { lock.unlock() }
        if handle == nil {
            if !FileManager.default.fileExists(atPath: path) {
                try Data((BenchRow.columns.joined(separator: ",") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            }
            let opened = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try opened.seekToEnd()
            handle = opened
        }
        try handle!.write(contentsOf: Data((row.csvLine + "\n").utf8))
    }
}
