// swift-tools-version: 6.0
import PackageDescription

// Foundation and the toolchain's Swift Testing only: no package dependencies.
// Dependencies run one way: Core <- Analysis <- Reports <- CLI <- doenbaar;
// Testing (support for uitvoeringstoets suites) sits beside Reports, and
// LanguageServer (the editor's view of the language, `doenbaar lsp`) needs Core only.
// The release build of the command links the Swift runtime and Foundation into the binary: every
// reference counted and every list let go is then a direct call into the runtime, not one through
// the dynamic linker's table (a population took 4,7% less CPU time so; docs/benchmark.md, stop 46).
// The modules it links are compiled against the toolchain's static libraries for that, and linked
// with the toolchain's lld (gold warns about a C library call inside Foundation's static library);
// debug builds, the tests and DoenbaarTesting (Swift Testing comes as a shared library only) keep
// the shared ones.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

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
        .target(name: "DoenbaarCore", swiftSettings: staticRuntime),
        .target(name: "DoenbaarAnalysis", dependencies: ["DoenbaarCore"], swiftSettings: staticRuntime),
        .target(name: "DoenbaarReports", dependencies: ["DoenbaarCore", "DoenbaarAnalysis"], swiftSettings: staticRuntime),
        .target(name: "DoenbaarTesting", dependencies: ["DoenbaarCore", "DoenbaarAnalysis"]),
        .target(name: "DoenbaarLanguageServer", dependencies: ["DoenbaarCore"], swiftSettings: staticRuntime),
        .target(name: "DoenbaarCLI", dependencies: ["DoenbaarCore", "DoenbaarAnalysis", "DoenbaarReports", "DoenbaarLanguageServer"], swiftSettings: staticRuntime),
        .executableTarget(name: "doenbaar", dependencies: ["DoenbaarCLI"], swiftSettings: staticRuntime,
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(configuration: .release))]),
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
