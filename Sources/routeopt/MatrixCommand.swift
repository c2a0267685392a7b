import ArgumentParser

/// `routeopt matrix`: the real-world pipeline — road matrices from OpenStreetMap and OSRM, imports, and instances
/// sampled from a city.
struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Real road matrices: build a city with OSRM, import matrices, sample ATSP/ACVRP instances.",
        subcommands: [MatrixOSRMCommand.self, MatrixImportCommand.self, MatrixSampleCommand.self])
}
