import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RoutingCore
import RoutingIO

/// Asks a running OSRM server for a full duration and distance table between points.
public struct OSRMTableClient: Sendable {
    /// The server's address (`http://127.0.0.1:PORT`).
    public let baseURL: URL
    /// Seconds to wait for an answer.
    public let timeout: Double

    public init(baseURL: URL, timeout: Double = 300) {
        self.baseURL = baseURL
        self.timeout = timeout
    }

    /// `POST /table/v1/driving` with `points` (`x` = longitude, `y` = latitude) as a JSON body and
    /// `annotations: [duration, distance]`; every point is a source, and a destination unless `destinations` names
    /// the destination indices (one destination is a cheap way to learn every point's snap).
    /// - Throws: ``RealWorldError/tableRequestFailed(_:)`` when the server cannot be reached, answers an HTTP
    ///   error or an OSRM error code, or the body is not a valid table.
    public func table(_ points: [Point], destinations: [Int]? = nil) throws(RealWorldError) -> OSRMTableResponse {
        let url = baseURL.appendingPathComponent("table/v1/driving")
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let coordinates = points.map { "[\($0.x),\($0.y)]" }.joined(separator: ",")
        let only = destinations.map { #","destinations":[\#($0.map(String.init).joined(separator: ","))]"# } ?? ""
        request.httpBody = Data(#"{"coordinates":[\#(coordinates)],"annotations":["duration","distance"]\#(only)}"#.utf8)
        let (data, status) = try send(request)
        do {
            return try OSRMTableResponse.parse(data, file: url.absoluteString)
        } catch {
            throw .tableRequestFailed("HTTP \(status): \(error.message)")
        }
    }

    private func send(_ request: URLRequest) throws(RealWorldError) -> (Data, Int) {
        final class Reply: @unchecked Sendable {
            var data: Data?
            var status = 0
            var error: String?
        }
        let reply = Reply()
        let done = DispatchSemaphore(value: 0)
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request) { data, response, error in
            reply.data = data
            reply.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            reply.error = error.map { "\($0.localizedDescription)" }
            done.signal()
        }.resume()
        done.wait()
        if let error = reply.error { throw .tableRequestFailed("\(request.url!.absoluteString): \(error)") }
        guard let data = reply.data else { throw .tableRequestFailed("no answer from \(request.url!.absoluteString)") }
        return (data, reply.status)
    }
}
