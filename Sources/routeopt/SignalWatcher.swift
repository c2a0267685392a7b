import Foundation
import Policies

/// Turns SIGINT and SIGTERM into a ``StopRequest`` (the training loop finishes its step, saves and
/// exits 0). A second signal while the run is stopping exits at once with status 130.
final class SignalWatcher {
    private let handlers: SignalHandlers

    init(stop: StopRequest) {
        handlers = SignalHandlers { name in
            if stop.isRequested {
                FileHandle.standardError.write(Data("\nsecond \(name): exiting without saving\n".utf8))
                exit(130)
            }
            FileHandle.standardError.write(Data("\n\(name): finishing the current step, then saving\n".utf8))
            stop.request(reason: name)
        }
    }

    /// Stops watching and restores the default handlers.
    func cancel() {
        handlers.cancel()
    }
}
