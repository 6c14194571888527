// swift-tools-version: 6.0
import PackageDescription

// Foundation and the toolchain's Swift Testing only: no package dependencies.
// Dependencies run one way: Core <- Analysis <- Reports <- CLI <- doenbaar;
// Testing (support for uitvoeringstoets suites) sits beside Reports, and
// LanguageServer (the editor's view of the language, `doenbaar lsp`) needs Core only.
let package = Package(
    name: "Doenbaar",
    products: [
        .library(name: "DoenbaarCore", targets: ["DoenbaarCore"]),
        .library(name: "DoenbaarAnalysis", targets: ["DoenbaarAnalysis"]),
        .library(name: "DoenbaarReports", targets: ["DoenbaarReports"]),
        .library(name: "DoenbaarTesting", targets: ["DoenbaarTesting"]),
        .library(name: "DoenbaarCLI", targets: ["DoenbaarCLI"]),
        .executable(name: "doenbaar", targets: ["doenbaar"]),
    ],
    targets: [
        .target(name: "DoenbaarCore"),
        .target(name: "DoenbaarAnalysis", dependencies: ["DoenbaarCore"]),
        .target(name: "DoenbaarReports", dependencies: ["DoenbaarCore", "DoenbaarAnalysis"]),
        .target(name: "DoenbaarTesting", dependencies: ["DoenbaarCore", "DoenbaarAnalysis"]),
        .target(name: "DoenbaarLanguageServer", dependencies: ["DoenbaarCore"]),
        .target(name: "DoenbaarCLI", dependencies: ["DoenbaarCore", "DoenbaarAnalysis", "DoenbaarReports", "DoenbaarLanguageServer"]),
        .executableTarget(name: "doenbaar", dependencies: ["DoenbaarCLI"]),
        .testTarget(
            name: "DoenbaarCoreTests",
            dependencies: ["DoenbaarCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DoenbaarAnalysisTests",
            dependencies: ["DoenbaarAnalysis", "DoenbaarTesting", "DoenbaarCore"]
        ),
        .testTarget(
            name: "ProvisionTests",
            dependencies: ["DoenbaarTesting", "DoenbaarCore"]
        ),
        .testTarget(
            name: "DoenbaarCLITests",
            dependencies: ["DoenbaarCLI", "DoenbaarCore"]
        ),
        .testTarget(
            name: "DoenbaarLanguageServerTests",
            dependencies: ["DoenbaarLanguageServer", "DoenbaarCore"]
        ),
        .testTarget(
            name: "DoenbaarReportsTests",
            dependencies: ["DoenbaarReports", "DoenbaarAnalysis", "DoenbaarTesting", "DoenbaarCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
