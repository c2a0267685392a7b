import Foundation
import Testing
@testable import Policies

@Suite struct ShippedCheckpointsTests {
    private func folder(with names: [String]) throws -> String {
        let folder = try PolicyFixtures.temporaryFolder()
        for name in names { _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()) }
        return folder
    }

    /// Only `<problem><size>-<architecture>.safetensors` names are checkpoints.
    @Test func parsesNames() {
        #expect(ShippedCheckpoints.parse("tsp20-pomo.safetensors")! == (.tsp, 20, .pomo))
        #expect(ShippedCheckpoints.parse("cvrp100-attention.safetensors")! == (.cvrp, 100, .attention))
        for name in ["tsp20-pomo.bin", "tsp-pomo.safetensors", "tsp20.safetensors", "tsp20-lstm.safetensors",
                     "vrp20-pomo.safetensors", "tsp20-pomo-v2.safetensors", "tsp0-pomo.safetensors"] {
            #expect(ShippedCheckpoints.parse(name) == nil, "\(name)")
        }
    }

    /// The nearest size wins; at equal distance POMO beats the attention model, then the smaller size;
    /// other problems and other files are ignored.
    @Test func picksNearestSize() throws {
        let folder = try folder(with: ["tsp20-pomo.safetensors", "tsp50-attention.safetensors", "tsp50-pomo.safetensors",
                                       "tsp100-attention.safetensors", "cvrp20-attention.safetensors", "notes.txt"])
        let shipped = ShippedCheckpoints(folders: [folder])
        #expect(try shipped.checkpoint(for: .tsp, size: 45).path.hasSuffix("/tsp50-pomo.safetensors"))
        #expect(try shipped.checkpoint(for: .tsp, size: 35).path.hasSuffix("/tsp20-pomo.safetensors"))
        #expect(try shipped.checkpoint(for: .tsp, size: 280).path.hasSuffix("/tsp100-attention.safetensors"))
        #expect(try shipped.checkpoint(for: .cvrp, size: 100).path.hasSuffix("/cvrp20-attention.safetensors"))
    }

    /// The first folder holding a checkpoint for the problem decides; with none, the error names every folder.
    @Test func searchesFoldersInOrder() throws {
        let first = try folder(with: ["cvrp50-attention.safetensors"])
        let second = try folder(with: ["tsp100-pomo.safetensors"])
        let third = try folder(with: ["tsp20-pomo.safetensors"])
        let shipped = ShippedCheckpoints(folders: [first, "/nonexistent/checkpoints", second, third])
        #expect(try shipped.checkpoint(for: .tsp, size: 20).path == second + "/tsp100-pomo.safetensors")
        let error = PolicyError.noCheckpoint(problem: .atsp, searched: shipped.folders)
        #expect(throws: error) { try shipped.checkpoint(for: .atsp, size: 20) }
        #expect(error.description.contains("/nonexistent/checkpoints") && error.description.contains("--model"))
    }

    /// The standard search: the current directory's `checkpoints`, then beside the executable and its
    /// parents, then `ROUTEOPT_CHECKPOINTS`.
    @Test func standardFolders() {
        let shipped = ShippedCheckpoints.standard(currentDirectory: "/work/here", executablePath: "/opt/ro/.build/release/routeopt",
                                                  environment: ["ROUTEOPT_CHECKPOINTS": "/data/policies"])
        #expect(shipped.folders.first == "/work/here/checkpoints")
        #expect(shipped.folders.contains("/opt/ro/checkpoints"))
        #expect(shipped.folders.firstIndex(of: "/opt/ro/.build/release/checkpoints")! < shipped.folders.firstIndex(of: "/opt/ro/checkpoints")!)
        #expect(shipped.folders.last == "/data/policies")
    }
}
