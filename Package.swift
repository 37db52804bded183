// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "RouteSpec",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RouteSpecCore", targets: ["RouteSpecCore"]),
        .library(name: "RouteSpecRuntime", targets: ["RouteSpecRuntime"]),
        .library(name: "GraphRoutes", targets: ["GraphRoutes"]),
        .executable(name: "routespec", targets: ["routespec"]),
        .plugin(name: "RouteSpecBuildPlugin", targets: ["RouteSpecBuildPlugin"]),
        .plugin(name: "GenerateRoutes", targets: ["GenerateRoutes"]),
    ],
    targets: [
        .target(name: "RouteSpecCore", dependencies: ["RouteSpecShared"]),
        // What the compiler and generated code both use (row format, permissions, path
        // templates). The compiler links only this, not the runtime's URLSession transport,
        // whose FoundationNetworking would load dozens of libraries on every run.
        .target(name: "RouteSpecShared"),
        .target(name: "RouteSpecRuntime", dependencies: ["RouteSpecShared"]),
        // The committed output for spec/: building it proves the generated code compiles.
        .target(name: "GraphRoutes", dependencies: ["RouteSpecRuntime"], path: "generated/GraphRoutes"),
        // The commands, apart from `main` so that tests run them in-process.
        .target(name: "RouteSpecCommands", dependencies: ["RouteSpecCore"]),
        .executableTarget(name: "routespec", dependencies: ["RouteSpecCommands"]),
        .plugin(name: "RouteSpecBuildPlugin", capability: .buildTool(), dependencies: ["routespec"]),
        .plugin(
            name: "GenerateRoutes",
            capability: .command(
                intent: .custom(verb: "generate-routes", description: "Write the route model and Swift for the pages into the package"),
                permissions: [.writeToPackageDirectory(reason: "writes the generated Swift and the route model into the package, for committing")]
            ),
            dependencies: ["routespec"]
        ),
        .testTarget(
            name: "RouteSpecCoreTests",
            dependencies: ["RouteSpecCore", "RouteSpecRuntime"],
            exclude: ["FuzzRegressions"],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "CommandLineTests", dependencies: ["RouteSpecCommands", "RouteSpecCore"]),
        .testTarget(name: "GeneratedClientTests", dependencies: ["GraphRoutes", "RouteSpecRuntime"]),
    ],
    swiftLanguageModes: [.v6]
)
