import DoenbaarCLI
import Foundation
import Testing

/// A drafter checks her own numbers without Swift: `check` computes every
/// `verwacht` line, and `run --reform` shows one persona before and after.
@Suite struct DrafterLoopTests {
    func copyOfBas(replacing old: String, with new: String) throws -> (dir: String, path: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-verwacht-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: "\(packageRoot)/Personas/bas.persona", encoding: .utf8)
        #expect(text.contains(old))
        let path = dir + "/bas.persona"
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    @Test func checkComputesTheBundledExpectationsAndFindsThemRight() {
        let r = runCLI(["check", "\(packageRoot)/Rules", "\(packageRoot)/Personas"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("verwachtingen gehaald"), "\(r.err)")
    }

    @Test func aWrongExpectationFailsCheckAtItsLine() throws {
        // March 2025: 11 days with right x € 100 less € 800, 70% = € 210,00 (Personas/bas.persona).
        let (dir, path) = try copyOfBas(replacing: "verwacht 2025-03 WW € 210,00", with: "verwacht 2025-03 WW € 200,00")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["check", "\(packageRoot)/Rules", path])
        #expect(r.code == .inputErrors)
        #expect(r.err.contains("bas.persona:31:1: fout: persona 'bas', maart 2025: verwacht € 200,00 WW, maar de regels geven € 210,00 (€ 10,00 meer)"), "\(r.err)")
        #expect(r.err.contains("  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"), "the caret runs under the whole line")
        #expect(r.err.contains("hulp: zie de berekening met: doenbaar run --persona \(path) --from 2025-03 --to 2025-03"))
    }

    @Test func anExpectationUnderAReformIsComputedWithTheReform() throws {
        // Under the calamity leave Bas's March does not change: his stay is for work (WW art. 19
        // lid 1 e still applies), so € 210,00 holds with the reform and € 910,00 does not.
        let right = try copyOfBas(replacing: "verwacht 2025-03 WW € 210,00", with: "verwacht 2025-03 WW € 210,00 met hervorming calamiteitenverlof")
        defer { try? FileManager.default.removeItem(atPath: right.dir) }
        #expect(runCLI(["check", "\(packageRoot)/Rules", right.path]).code == .success)
        let wrong = try copyOfBas(replacing: "verwacht 2025-03 WW € 210,00", with: "verwacht 2025-03 WW € 910,00 met hervorming calamiteitenverlof")
        defer { try? FileManager.default.removeItem(atPath: wrong.dir) }
        let r = runCLI(["check", "\(packageRoot)/Rules", wrong.path])
        #expect(r.code == .inputErrors)
        #expect(r.err.contains("maart 2025 met hervorming 'calamiteitenverlof': verwacht € 910,00 WW, maar de regels geven € 210,00"), "\(r.err)")
        #expect(r.err.contains("--reform \(packageRoot)/Rules/hervormingen/calamiteitenverlof"))
    }

    @Test func runWithAReformShowsTheChangedMonthsAndWhy() {
        let r = runCLI(["run", "--persona", "\(packageRoot)/Personas/omer.persona",
                        "--reform", "\(packageRoot)/Rules/hervormingen/calamiteitenverlof"])
        #expect(r.code == .success, "\(r.err)")
        // April: 15 days with right, € 1.890,00 (WW art. 1b lid 2 b, art. 47 lid 1); with the leave
        // the calamity days keep the right: a full month, 70% x 21,75 x € 180 = € 2.740,50.
        #expect(r.out.contains("== april 2023 ==\nWW: betaald € 1.890,00 -> € 2.740,50 (+ € 850,50)"), "\(r.out)")
        // May: 13 days, € 1.638,00, becomes € 2.740,50 too: € 1.102,50 more; € 1.953,00 together.
        #expect(r.out.contains("WW: betaald € 1.638,00 -> € 2.740,50 (+ € 1.102,50)"))
        #expect(r.out.contains("recht_ondanks_buitenland: "), "the condition that changes, with its article")
        #expect(r.out.contains("[Werkloosheidswet art. 19 lid 1 onderdeel e"))
        #expect(r.out.contains("Ongewijzigd: januari 2023, februari 2023, maart 2023"))
        #expect(r.out.contains("(+ € 1.953,00)"))
    }

    @Test func runWithAReformAsJSON() {
        let r = runCLI(["run", "--persona", "\(packageRoot)/Personas/omer.persona", "--format", "json",
                        "--reform", "\(packageRoot)/Rules/hervormingen/calamiteitenverlof"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out.contains("\"hervorming\" : \"calamiteitenverlof\""))
        #expect(r.out.contains("\"betaald_na_cent\" : 274050"))
        #expect(r.out.contains("\"totaal_na_cent\" : 1918350"), "\(r.out.prefix(400))")
    }

    @Test func runWithAReformThatIsNotThereSaysSo() {
        let r = runCLI(["run", "--persona", "\(packageRoot)/Personas/omer.persona", "--reform", "\(packageRoot)/Rules/hervormingen/bestaat_niet"])
        #expect(r.code == .usage)
        #expect(r.err.contains("bestaat niet"), "\(r.err)")
    }
}
