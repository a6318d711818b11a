// swift-tools-version: 6.2
// An app that adopts Specwright: its API library is generated at build time from its own spec pages.
import PackageDescription

let package = Package(
    name: "ChatKitDemo",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Specwright itself: the build plugin, the generator it runs, and the runtime the generated code imports.
        .package(name: "Specwright", path: "../.."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Generated from Sources/ChatKitDemoAPI/Specs as specwright.json beside it says.
        .target(
            name: "ChatKitDemoAPI",
            dependencies: [.product(name: "SpecwrightRuntime", package: "Specwright")],
            exclude: ["specwright.json"],
            plugins: [.plugin(name: "SpecwrightBuildPlugin", package: "Specwright")]
        ),
        .executableTarget(
            name: "chatkit-demo",
            dependencies: ["ChatKitDemoAPI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
