import Foundation
import Testing

/// Every input the fuzzer starts from, and every input it ever found that
/// crashed or hung (kept by scripts/fuzz.sh in Fixtures/fuzz/TARGET), goes
/// through its fuzz target in each `swift test`: what once broke stays fixed.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func files(under folders: [String], suffix: String?) -> [String] {
        folders.flatMap { folder -> [String] in
            let base = root + "/" + folder
            let all = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
            return all.filter { suffix == nil || $0.hasSuffix(suffix!) }.map { base + "/" + $0 }
        }
        .filter { var isFolder: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue }
        .sorted()
    }

    static func inputs(_ target: FuzzTarget) -> [String] {
        let seeds: [String]
        switch target {
        case .regels: seeds = files(under: ["Rules", "Benchmarks", "Tests/DoenbaarCoreTests/Fixtures"], suffix: ".regels")
        case .persona, .rekenen: seeds = files(under: ["Personas", "Tests/DoenbaarCoreTests/Fixtures"], suffix: ".persona")
        case .json: seeds = files(under: ["Tests/DoenbaarCoreTests/Fixtures"], suffix: ".json")
        }
        return seeds + files(under: ["Tests/DoenbaarCoreTests/Fixtures/fuzz/\(target.rawValue)"], suffix: nil)
    }

    @Test(arguments: FuzzTarget.allCases)
    func everySeedAndEveryKeptCrashRunsThrough(_ target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(inputs.count >= 10, "the seed corpus of \(target) is found")
        for path in inputs {
            let bytes = try #require(FileManager.default.contents(atPath: path))
            target.run([UInt8](bytes))
        }
    }
}
