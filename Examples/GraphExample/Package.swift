// swift-tools-version:6.1
import Foundation
import PackageDescription

// The RouteSpec checkout two folders up; SwiftPM names a path dependency after its folder.
let routeSpecPath = "../.."
let routeSpec = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent(routeSpecPath).standardizedFileURL.lastPathComponent.lowercased()

let package = Package(
    name: "GraphExample",
    dependencies: [.package(path: routeSpecPath)],
    targets: [
        // API pages in Sources/GraphExample/routespec/ become typed routes at build time.
        .target(
            name: "GraphExample",
            dependencies: [.product(name: "RouteSpecRuntime", package: routeSpec)],
            exclude: ["routespec"],
            plugins: [.plugin(name: "RouteSpecBuildPlugin", package: routeSpec)]
        ),
        // permissions.json: the permission manifest the tests check the recorded calls against.
        .testTarget(name: "GraphExampleTests", dependencies: ["GraphExample"], exclude: ["permissions.json"]),
    ],
    swiftLanguageModes: [.v6]
)
