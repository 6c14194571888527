import DoenbaarCLI
import Foundation
import Testing

/// Issue #14: every I/O failure reaches the reader as one Dutch line, never
/// Foundation's English ("NSCocoaErrorDomain error 256").
@Suite struct IOMessageTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-io-\(UUID().uuidString)").path

    func persona() -> String { "\(packageRoot)/Personas/omer.persona" }

    func expectOneDutchLine(_ r: (code: ExitCode, out: String, err: String), _ expected: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.code == .usage, "\(r.code)", sourceLocation: sourceLocation)
        #expect(r.err == "doenbaar: fout: \(expected)\n", "\(r.err)", sourceLocation: sourceLocation)
        #expect(!r.err.contains("NSCocoa") && !r.err.contains("error"), sourceLocation: sourceLocation)
    }

    @Test func aFileWhereTheReportFolderBelongs() throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try #require(FileManager.default.createFile(atPath: scratch + "/uit", contents: Data("x".utf8)))
        let r = runCLI(["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas", "--out", scratch + "/uit"])
        expectOneDutchLine(r, "'\(scratch)/uit' is een bestand; de rapporten vragen een map")
    }

    @Test func aReportFolderThatCannotBeMade() {
        let r = runCLI(["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas", "--out", "/dev/null/rapporten"])
        expectOneDutchLine(r, "map '/dev/null/rapporten' kan niet worden gemaakt: een deel van het pad is geen map")
    }

    @Test func aFolderWhereAPersonaFileBelongs() {
        let r = runCLI(["run", "--persona", "\(packageRoot)/Personas", "--rules", "\(packageRoot)/Rules"])
        expectOneDutchLine(r, "'\(packageRoot)/Personas' is niet te lezen: een map, geen bestand")
    }

    @Test(arguments: [
        (#"{"money":"cents"}"#, "veld 'persons' ontbreekt"),
        (#"{"money":"cents","persons":"veel","months":[]}"#, "veld 'persons' heeft niet de verwachte soort waarde"),
        ("niet eens JSON", "geen geldige JSON"),
    ])
    func aBenchManifestThatIsNotOne(_ manifest: String, _ why: String) throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try manifest.write(toFile: scratch + "/manifest.json", atomically: false, encoding: .utf8)
        let r = runCLI(["bench", "--dump", scratch])
        expectOneDutchLine(r, "'\(scratch)/manifest.json' is geen manifest van de benchmark: \(why)")
    }
}
