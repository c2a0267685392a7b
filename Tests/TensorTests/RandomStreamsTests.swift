import Foundation
import Testing
import RoutingCore
@testable import Tensor

@Suite struct RandomStreamsTests {
    static func draw(_ count: Int, from generator: inout SeededGenerator) -> [UInt64] {
        (0..<count).map { _ in generator.next() }
    }

    /// Different names give different sequences, and one stream's values do not depend on use of another.
    @Test func streamsAreIndependent() {
        var a = RandomStreams(seed: 1), b = RandomStreams(seed: 1)
        let data = Self.draw(5, from: &a["data"])
        #expect(data != Self.draw(5, from: &a["sampling"]))
        _ = Self.draw(100, from: &b["validation"])
        #expect(Self.draw(5, from: &b["data"]) == data)
        #expect(a.names == ["data", "sampling"])
    }

    /// The same seed reproduces every stream; another seed changes it.
    @Test func seedDeterminesStreams() {
        var a = RandomStreams(seed: 7), b = RandomStreams(seed: 7), c = RandomStreams(seed: 8)
        let first = Self.draw(4, from: &a["data"])
        #expect(first == Self.draw(4, from: &b["data"]))
        #expect(first != Self.draw(4, from: &c["data"]))
    }

    /// Saving mid-run into a checkpoint file and restoring continues every stream exactly where it was.
    @Test func restoreContinuesTheSameSequence() throws {
        var streams = RandomStreams(seed: .max)
        _ = Self.draw(3, from: &streams["data"])
        _ = Self.draw(11, from: &streams["sampling"])
        var checkpoint = Checkpoint()
        streams.save(into: &checkpoint)
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try checkpoint.write(to: directory.file("rng.safetensors"))
        var restored = try RandomStreams(from: Checkpoint.read(from: directory.file("rng.safetensors")))
        #expect(restored == streams)
        for name in ["data", "sampling", "validation"] {
            #expect(Self.draw(6, from: &restored[name]) == Self.draw(6, from: &streams[name]))
        }
    }

    /// Malformed or invalid saved states are rejected with an error naming the metadata key.
    @Test(arguments: ["", "{}", #"{"seed":"x","streams":{}}"#, #"{"seed":"1","streams":{"d":["1","2","3"]}}"#,
                      #"{"seed":"1","streams":{"d":["0","0","0","0"]}}"#, #"{"seed":"1","streams":{"d":["1","2","3","-4"]}}"#])
    func rejectsBadState(text: String) {
        let checkpoint = Checkpoint(metadata: [RandomStreams.metadataKey: text])
        #expect {
            try RandomStreams(from: checkpoint)
        } throws: { error in
            guard let error = error as? CheckpointError, case .invalidMetadata(key: "rng_state", _) = error.reason else { return false }
            return true
        }
    }
}
