import Dispatch
import Foundation

/// Runs a handler (on a global queue) when SIGINT or SIGTERM arrives, instead of the default action, until
/// ``cancel()`` restores the defaults.
final class SignalHandlers {
    private var sources: [DispatchSourceSignal] = []

    /// Installs `handler`; it receives the signal's name (`SIGINT`, `SIGTERM`).
    init(_ handler: @escaping @Sendable (_ name: String) -> Void) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(name) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching and restores the default handlers.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
