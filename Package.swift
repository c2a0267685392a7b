// swift-tools-version: 6.0
import PackageDescription

/// RouteOpt: learned policies, exact and heuristic solvers for TSP, ATSP and CVRP.
/// Target layout follows `docs/DESIGN.md`.
/// Release builds target AVX2 + FMA (`haswell`: every x86-64 server CPU since 2013 and AMD Zen has it; no
/// AVX-512), which doubles the width of the hand-written SIMD loops.
let optimised: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-target-cpu", "haswell"], .when(configuration: .release)),
]

let package = Package(
    name: "RouteOpt",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "routeopt", targets: ["routeopt"]),
        .library(name: "RoutingCore", targets: ["RoutingCore"]),
        .library(name: "RoutingIO", targets: ["RoutingIO"]),
        .library(name: "Heuristics", targets: ["Heuristics"]),
        .library(name: "Solving", targets: ["Solving"]),
        .library(name: "Tensor", targets: ["Tensor"]),
        .library(name: "Policies", targets: ["Policies"]),
        .library(name: "Benchmarking", targets: ["Benchmarking"]),
        .library(name: "ExactSolver", targets: ["ExactSolver"]),
        .library(name: "RealWorld", targets: ["RealWorld"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .target(name: "RoutingCore", swiftSettings: optimised),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "GLPKGuard", dependencies: ["CGLPK"], linkerSettings: [.linkedLibrary("glpk")]),
        .target(
            name: "ExactSolver", dependencies: ["CGLPK", "GLPKGuard", "RoutingCore", "Heuristics"],
            exclude: ["FORMULATIONS.md"], swiftSettings: optimised),
        .target(name: "Tensor", dependencies: ["COpenBLAS", "RoutingCore"], swiftSettings: optimised),
        .target(
            name: "Policies", dependencies: ["Tensor", "RoutingCore"], exclude: ["README.md"], swiftSettings: optimised),
        .target(
            name: "RoutingIO",
            dependencies: ["RoutingCore", .product(name: "SwiftCSV", package: "SwiftCSV")],
            swiftSettings: optimised),
        .target(name: "Heuristics", dependencies: ["RoutingCore"], swiftSettings: optimised),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "RealWorld", dependencies: ["CZlib", "RoutingCore", "RoutingIO"], exclude: ["README.md"],
            swiftSettings: optimised),
        .target(
            name: "Solving",
            dependencies: ["RoutingCore", "RoutingIO", "Heuristics", "Policies", "Tensor", "ExactSolver"],
            swiftSettings: optimised),
        .target(
            name: "Benchmarking",
            dependencies: [
                "RoutingCore", "RoutingIO", "Heuristics", "Solving", "Policies",
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]),
        .target(name: "RoutingTestSupport", dependencies: ["RoutingCore"]),
        .executableTarget(
            name: "routeopt",
            dependencies: [
                "RoutingCore", "RoutingIO", "Heuristics", "Solving", "Policies", "RealWorld", "Benchmarking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimised),
        .testTarget(name: "RoutingCoreTests", dependencies: ["RoutingCore", "RoutingTestSupport"]),
        .testTarget(name: "RoutingIOTests", dependencies: ["RoutingIO", "RoutingCore", "RoutingTestSupport"]),
        .testTarget(name: "HeuristicsTests", dependencies: ["Heuristics", "RoutingCore", "RoutingIO", "RoutingTestSupport"]),
        .testTarget(
            name: "SolvingTests", dependencies: ["Solving", "Policies", "RoutingCore", "RoutingIO", "RoutingTestSupport"]),
        .testTarget(
            name: "ExactSolverTests",
            dependencies: ["ExactSolver", "CGLPK", "GLPKGuard", "RoutingCore", "RoutingIO", "RoutingTestSupport"]),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "RoutingCore"]),
        .testTarget(name: "PoliciesTests", dependencies: ["Policies", "Tensor", "RoutingCore"]),
        .testTarget(
            name: "BenchmarkingTests",
            dependencies: ["Benchmarking", "Solving", "Policies", "RoutingCore", "RoutingIO", "RoutingTestSupport"]),
        .testTarget(name: "RealWorldTests", dependencies: ["RealWorld", "RoutingCore", "RoutingIO"]),
        .testTarget(name: "CLITests", dependencies: ["RoutingCore", "RoutingIO", "RoutingTestSupport"]),
    ]
)
