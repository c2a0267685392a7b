import Foundation
import RoutingCore

/// Named, independent random streams derived from one seed ("data", "sampling", "validation", …),
/// whose exact state is saved in checkpoint metadata so a resumed run draws the same numbers.
///
/// A stream's initial state depends only on the seed and its name, so using one stream more or less
/// never shifts another. Access a stream by subscript; it is created on first use:
/// ```
/// var streams = RandomStreams(seed: 1234)
/// let batch = Tensor.uniform([512, 20, 2], bound: 1, using: &streams["data"])
/// ```
public struct RandomStreams: Sendable, Equatable {
    /// The seed every stream is derived from.
    public let seed: UInt64
    /// Streams that have been used (or restored), by name.
    private var generators: [String: SeededGenerator] = [:]

    /// Metadata key used by ``save(into:)`` and ``init(from:)``.
    public static let metadataKey = "rng_state"

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The stream called `name`, in its current state; a fresh stream if it was never used.
    public subscript(name: String) -> SeededGenerator {
        get { generators[name] ?? Self.initialGenerator(seed: seed, name: name) }
        set { generators[name] = newValue }
    }

    /// Names of the streams used so far, sorted.
    public var names: [String] { generators.keys.sorted() }

    /// The starting generator of stream `name`: the seed mixed with a stable (FNV-1a) hash of the name.
    static func initialGenerator(seed: UInt64, name: String) -> SeededGenerator {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var mixed = hash ^ (hash >> 33)
        mixed = (mixed &* 0xFF51_AFD7_ED55_8CCD) ^ (mixed >> 29)
        return SeededGenerator(seed: seed ^ mixed)
    }

    // MARK: - Serialisation

    /// JSON form: the seed and each used stream's four state words, as decimal strings (JSON numbers
    /// cannot hold 64-bit integers exactly).
    private struct Snapshot: Codable {
        var seed: String
        var streams: [String: [String]]
    }

    /// The exact state as compact JSON.
    public func serialized() -> String {
        let snapshot = Snapshot(seed: String(seed),
                                streams: generators.mapValues { $0.state.map { String($0) } })
        return String(decoding: try! JSONEncoder.sorted.encode(snapshot), as: UTF8.self)
    }

    /// Restores streams from ``serialized()`` text; `nil` if it is malformed or holds an invalid state.
    public init?(serialized text: String) {
        guard let snapshot = try? JSONDecoder().decode(Snapshot.self, from: Data(text.utf8)),
              let seed = UInt64(snapshot.seed) else { return nil }
        self.seed = seed
        for (name, words) in snapshot.streams {
            let state = words.compactMap { UInt64($0) }
            guard state.count == 4, words.count == 4, state.contains(where: { $0 != 0 }) else { return nil }
            generators[name] = SeededGenerator(state: state)
        }
    }

    /// Stores ``serialized()`` under ``metadataKey``.
    public func save(into checkpoint: inout Checkpoint) {
        checkpoint.metadata[Self.metadataKey] = serialized()
    }

    /// Restores the streams saved in `checkpoint`.
    /// - Throws: ``CheckpointError`` naming the file when the entry is missing or malformed.
    public init(from checkpoint: Checkpoint) throws(CheckpointError) {
        let text = try checkpoint.metadataValue(Self.metadataKey)
        guard let streams = RandomStreams(serialized: text) else {
            throw CheckpointError(path: checkpoint.source, reason: .invalidMetadata(key: Self.metadataKey, "not a random-stream state: \(text)"))
        }
        self = streams
    }
}
