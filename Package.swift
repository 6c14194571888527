// swift-tools-version: 6.0
import PackageDescription

// Foundation and the toolchain's Swift Testing only: no package dependencies.
let package = Package(
    name: "Doenbaar",
    products: [
        .library(name: "DoenbaarCore", targets: ["DoenbaarCore"]),
        .library(name: "DoenbaarReports", targets: ["DoenbaarReports"]),
        .executable(name: "doenbaar", targets: ["doenbaar"]),
    ],
    targets: [
        .target(name: "DoenbaarCore"),
        .target(name: "DoenbaarReports", dependencies: ["DoenbaarCore"]),
        .executableTarget(name: "doenbaar", dependencies: ["DoenbaarCore", "DoenbaarReports"]),
        .testTarget(
            name: "DoenbaarCoreTests",
            dependencies: ["DoenbaarCore", "DoenbaarReports"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
