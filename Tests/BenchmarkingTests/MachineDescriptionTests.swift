import Testing
@testable import Benchmarking

@Suite struct MachineDescriptionTests {
    /// This machine is described with its cores and memory; the line reads naturally.
    @Test func description() {
        let current = MachineDescription.current()
        #expect(current.cores >= 1 && current.memoryGiB > 0 && !current.processor.isEmpty)
        #expect(MachineDescription(processor: "CPU X", cores: 2, memoryGiB: 23.6, loadAverage: nil).line == "2 cores (CPU X), 24 GiB")
    }
}
