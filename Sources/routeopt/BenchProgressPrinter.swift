import Benchmarking
import Foundation

/// The bench's live progress on stderr: one line rewritten in place on a terminal, one line per row otherwise.
final class BenchProgressPrinter: @unchecked Sendable {
    private let inPlace = isatty(FileHandle.standardError.fileDescriptor) != 0
    private var shown = false

    /// Shows one finished row.
    func show(_ progress: BenchProgress) {
        if progress.finished == 1, progress.resumed > 0 {
            warn("resuming: \(progress.resumed) rows already in results.csv are kept, \(progress.total) to run")
        }
        let text = progress.line
        if inPlace {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            shown = true
        } else {
            warn(text)
        }
    }

    /// Ends the in-place line.
    func end() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
