import DoenbaarCLI
import Foundation
import Testing

/// The committed reports in Reports/ must be what the code makes of the
/// bundled rules and personas today. When this fails, run scripts/reports.sh
/// and read the diff.
@Suite struct ReportsUpToDateTests {
    /// Each report command and the files it writes.
    static let commands: [(name: String, arguments: [String], files: [String])] = {
        var out: [(String, [String], [String])] = [
            ("knelpunten", ["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas",
                            "--populatie", "\(packageRoot)/Reports/populatie.json"],
             ["knelpunten.md", "knelpunten.html", "knelpunten.json"]),
        ]
        let folder = "\(packageRoot)/Rules/hervormingen"
        let reforms = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        // Every reform side by side, on one run of the baseline.
        out.append(("invoeringstoets", ["invoeringstoets", "--baseline", "\(packageRoot)/Rules"]
                        + reforms.flatMap { ["--reform", "\(folder)/\($0)"] } + ["--personas", "\(packageRoot)/Personas"],
                    ["md", "html", "json"].map { "invoeringstoets.\($0)" }))
        for reform in reforms {
            out.append(("invoeringstoets-\(reform)",
                        ["invoeringstoets", "--baseline", "\(packageRoot)/Rules", "--reform", "\(folder)/\(reform)",
                         "--personas", "\(packageRoot)/Personas"],
                        ["md", "html", "json"].map { "invoeringstoets-\(reform).\($0)" }))
        }
        return out
    }()

    @Test(arguments: commands.map(\.name))
    func theCommittedReportIsCurrent(_ name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name })
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-reports-\(name)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = runCLI(command.arguments + ["--out", out])
        #expect(r.code == .success, "\(r.err)")
        for file in command.files {
            let made = try String(contentsOfFile: "\(out)/\(file)", encoding: .utf8)
            let committed = try? String(contentsOfFile: "\(packageRoot)/Reports/\(file)", encoding: .utf8)
            #expect(made == committed, "Reports/\(file) is niet actueel; draai scripts/reports.sh")
        }
    }

    @Test func thePopulationIsTheSameForTheSameSeed() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-populatie-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        var outputs: [String] = []
        for run in 0..<2 {
            let r = runCLI(["populatie", "--size", "40", "--seed", "7", "--gevoeligheid", "8", "--rules", "\(packageRoot)/Rules",
                            "--personas", "\(packageRoot)/Personas", "--out", "\(base)/\(run)"])
            #expect(r.code == .success, "\(r.err)")
            outputs.append(try String(contentsOfFile: "\(base)/\(run)/populatie.json", encoding: .utf8))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].contains("\"omvang\" : 40"))
    }
}
