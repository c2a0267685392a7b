import Foundation

/// A running `osrm-routed`, listening on 127.0.0.1 only, on a free port, for one graph.
///
/// ``start(graph:installation:maxTableSize:timeout:)`` returns once the server accepts connections;
/// ``stop()`` terminates it (SIGTERM, then SIGKILL after two seconds) and waits for it to exit. `stop` is
/// idempotent; a started server stays registered (so alive) until it is stopped, and ``stopAll()`` stops every
/// server of the process (what a Ctrl-C handler calls through ``OSRMCleanup``), so no server outlives the command
/// that started it.
public final class OSRMServer: @unchecked Sendable {
    /// The port it listens on (loopback only).
    public let port: Int
    /// The `osrm-routed` process id.
    public var processIdentifier: Int32 { process.processIdentifier }
    /// Where the server's output goes.
    public let log: URL
    /// The address of the HTTP service, `http://127.0.0.1:PORT`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private let process: Process
    private let lock = NSLock()
    private var stopped = false

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var running: [ObjectIdentifier: OSRMServer] = [:]

    private init(process: Process, port: Int, log: URL) {
        self.process = process
        self.port = port
        self.log = log
    }

    deinit { stop() }

    /// Starts `osrm-routed --algorithm mld` on `graph` (the base `.osrm` path) on 127.0.0.1 and a free port, with
    /// `--max-table-size maxTableSize`, and waits up to `timeout` seconds until it accepts connections.
    /// - Throws: ``RealWorldError/serverDidNotStart(reason:log:)`` when it exits or does not answer in time.
    public static func start(graph: URL, installation: OSRMInstallation, maxTableSize: Int,
                             timeout: Double = 60) throws(RealWorldError) -> OSRMServer {
        let log = graph.deletingLastPathComponent().appendingPathComponent("osrm-routed.log")
        var lastReason = "no free port on 127.0.0.1"
        for _ in 0..<3 {  // a port taken between choosing and binding it: try another
            guard let port = LoopbackPort.free() else { continue }
            let process = Process()
            process.executableURL = installation.tool("osrm-routed")
            process.arguments = [graph.path, "--ip", "127.0.0.1", "--port", "\(port)", "--algorithm", "mld",
                                 "--max-table-size", "\(max(maxTableSize, 100))"]
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            guard let handle = try? FileHandle(forWritingTo: log) else {
                throw .serverDidNotStart(reason: "cannot write \(log.path)", log: "")
            }
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                throw .serverDidNotStart(reason: "cannot run \(installation.tool("osrm-routed").path): \(error)", log: "")
            }
            let server = OSRMServer(process: process, port: port, log: log)
            register(server)
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline {
                if LoopbackPort.isAccepting(port) { return server }
                usleep(20_000)
            }
            lastReason = process.isRunning ? "no answer on port \(port) within \(Int(timeout)) s"
                : "it exited with status \(process.terminationStatus)"
            server.stop()
            if !ToolRunner.tail(of: log).contains("Address already in use") { break }
        }
        throw .serverDidNotStart(reason: lastReason, log: ToolRunner.tail(of: log))
    }

    /// Terminates the server and waits for it to exit; safe to call more than once.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        Self.registryLock.lock()
        Self.running[ObjectIdentifier(self)] = nil
        Self.registryLock.unlock()
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Stops every server this process started and has not stopped yet.
    public static func stopAll() {
        registryLock.lock()
        let servers = Array(running.values)
        registryLock.unlock()
        for server in servers { server.stop() }
    }

    private static func register(_ server: OSRMServer) {
        registryLock.lock()
        running[ObjectIdentifier(server)] = server
        registryLock.unlock()
    }
}
