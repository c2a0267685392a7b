import Dispatch
import Foundation
import RealWorld

/// Stops every OSRM server the command started when SIGINT or SIGTERM arrives, then exits with status 130, so
/// that Ctrl-C never leaves an `osrm-routed` behind.
final class ServerSignalWatcher {
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                OSRMServer.stopAll()
                FileHandle.standardError.write(Data("\ninterrupted: OSRM server stopped\n".utf8))
                exit(130)
            }
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
