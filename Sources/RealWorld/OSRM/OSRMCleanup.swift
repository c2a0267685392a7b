import Foundation

/// Everything an OSRM run leaves running or on disk while it works — build-tool processes and its temporary graph
/// folder — so that a signal handler can clean up before the process exits (`defer` blocks do not run then).
///
/// The build tools are started in their own process group and inherit an ignored SIGINT/SIGTERM from the
/// command's handler, so a terminal's Ctrl-C never reaches them: ``cleanUpNow()`` kills them (SIGKILL), stops
/// every ``OSRMServer`` and removes the registered folders.
public enum OSRMCleanup {
    nonisolated(unsafe) private static var processes: [ObjectIdentifier: Process] = [:]
    nonisolated(unsafe) private static var folders: Set<URL> = []
    private static let lock = NSLock()

    /// Kills running build tools, stops every OSRM server and removes the registered folders.
    public static func cleanUpNow() {
        lock.lock()
        let running = Array(processes.values), leftovers = folders
        processes = [:]
        folders = []
        lock.unlock()
        for process in running where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        OSRMServer.stopAll()
        for folder in leftovers { try? FileManager.default.removeItem(at: folder) }
    }

    static func register(_ process: Process) {
        lock.lock()
        processes[ObjectIdentifier(process)] = process
        lock.unlock()
    }

    static func unregister(_ process: Process) {
        lock.lock()
        processes[ObjectIdentifier(process)] = nil
        lock.unlock()
    }

    static func register(folder: URL) {
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    static func unregister(folder: URL) {
        lock.lock()
        folders.remove(folder)
        lock.unlock()
    }
}
