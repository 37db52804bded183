// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "RouteSpec",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RouteSpecCore", targets: ["RouteSpecCore"]),
        .executable(name: "routespec", targets: ["routespec"]),
    ],
    targets: [
        .target(name: "RouteSpecCore"),
        .executableTarget(name: "routespec", dependencies: ["RouteSpecCore"]),
        .testTarget(
            name: "RouteSpecCoreTests",
            dependencies: ["RouteSpecCore"],
            resources: [.copy("Golden")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
