import Foundation
import Policies

/// Prints training events on stderr: a refreshed progress line on a terminal, plain lines per log interval
/// otherwise.
struct TrainingProgressPrinter {
    let interactive: Bool

    func print(_ event: TrainingEvent) {
        switch event {
        case .step(let status):
            if interactive { write("\r\u{1B}[K" + status.progressLine) }
        case .logged(let status):
            if !interactive { write(status.progressLine + "\n") }
        case .validation(let line), .message(let line):
            write((interactive ? "\r\u{1B}[K" : "") + line + "\n")
        case .warning(let line):
            write((interactive ? "\r\u{1B}[K" : "") + "warning: " + line + "\n")
        }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
