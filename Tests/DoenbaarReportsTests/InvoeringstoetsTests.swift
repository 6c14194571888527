import Foundation
import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports
import DoenbaarTesting
import Testing

/// The bundled reforms do what they are for, and the invoeringstoets says so.
@Suite struct InvoeringstoetsTests {
    func report(_ reform: String, folder: String? = nil) throws -> InvoeringstoetsRapport {
        let book = try RuleBook.bundled()
        let loaded = try ReformLoader.load(reform: folder ?? "\(RuleBook.packageRoot)/Rules/hervormingen/\(reform)",
                                           baseline: ["\(RuleBook.packageRoot)/Rules"], sources: SourceManager())
        let rules = try #require(loaded.ruleSet, "\(loaded.diagnostics.errors.map(\.message))")
        let personas = try book.allPersonas()
        let before = try Analyzer(evaluator: book.evaluator), after = try Analyzer(evaluator: Evaluator(plan: Plan(rules)))
        return InvoeringstoetsRapport.build(reform: try #require(loaded.reform),
                                            baseline: try personas.compactMap { try before.analyze($0) },
                                            reformed: try personas.compactMap { try after.analyze($0) },
                                            baselineRules: book.ruleSet, reformRules: rules)
    }

    @Test func aReformThatStartsLaterLeavesTheEarlierMonthsAsTheyWere() throws {
        // The calamity leave, but from 2026: Omer's stay abroad is in 2023, so nothing changes
        // for him, and the knelpunt remains.
        let text = try String(contentsOfFile: "\(RuleBook.packageRoot)/Rules/hervormingen/calamiteitenverlof/calamiteitenverlof.regels",
                              encoding: .utf8).replacingOccurrences(of: "geldig vanaf 2023-01-01", with: "geldig vanaf 2026-01-01")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("later-\(UUID().uuidString)/calamiteitenverlof")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try text.write(to: folder.appendingPathComponent("calamiteitenverlof.regels"), atomically: true, encoding: .utf8)
        let r = try report("calamiteitenverlof", folder: folder.path)
        #expect(r.personas.allSatisfy { $0.verschil_cent == 0 }, "\(r.personas.filter { $0.verschil_cent != 0 }.map(\.id))")
        #expect(!r.opgelost.contains { $0.id == "bedoeling_geschonden-geen_verlies_bij_overmacht" })
    }

    @Test func aLapsedIntentIsNotCalledRestored() throws {
        // Dropping the calamity intent (Rules/ww/buitenland.regels) makes no failure go away in
        // anyone's months: it is no longer tested, and the report says so.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonder-\(UUID().uuidString)/zonder_bedoeling")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try """
        hervorming zonder_bedoeling "Zonder bedoeling over overmacht"
          bron "Testhervorming"
          vervalt geen_verlies_bij_overmacht
        regeling WW "Werkloosheidswet"
        """.write(to: folder.appendingPathComponent("zonder_bedoeling.regels"), atomically: true, encoding: .utf8)
        let r = try report("zonder_bedoeling", folder: folder.path)
        let intent = try #require(r.bedoelingen.first { $0.naam == "geen_verlies_bij_overmacht" })
        #expect(intent.voor_personas == ["Omer", "Samira"] && intent.na_personas.isEmpty)
        #expect(intent.oordeel == "vervallen")
        #expect(r.personas.allSatisfy { $0.verschil_cent == 0 })
    }

    @Test func calamityLeaveRestoresTheIntentForOmerAndSamiraAndCreatesNothingNew() throws {
        let r = try report("calamiteitenverlof")
        let intent = try #require(r.bedoelingen.first { $0.naam == "geen_verlies_bij_overmacht" })
        #expect(intent.voor_personas == ["Omer", "Samira"] && intent.na_personas.isEmpty && intent.oordeel == "hersteld")
        #expect(r.opgelost.contains { $0.id == "bedoeling_geschonden-geen_verlies_bij_overmacht" })
        #expect(r.nieuw.isEmpty)
        // Samira's stay for her mother's funeral was reported as 'familie'; what happened makes it a
        // calamity, so the leave keeps her March a full month: € 1.827,00 instead of € 672,00,
        // € 1.155,00 more (DetectorTests).
        #expect(r.personas.first { $0.id == "samira" }?.verschil_cent == euro("1.155,00"))
        // Omer keeps his WW on the 15 calamity days: 70% x 15 x € 180 = € 1.890 more (WWAbroadTests).
        #expect(r.personas.first { $0.id == "omer" }?.verschil_cent == euro("1.953,00"))
    }

    @Test func noFictitiousWWSolvesDaansChoiceTrap() throws {
        let r = try report("geen_fictieve_ww")
        // The choice trap (claiming WW) is a lens of the failed intent: the same lost Wajong.
        #expect(r.opgelost.contains { $0.id == "bedoeling_geschonden-samenloop_niet_nadelig" })
        #expect(!(r.blijvend + r.nieuw).contains { $0.soort_titel == "Keuzeval" })
        // Daan gets the Wajong he would have had without the claim: € 6.219,44 more (SamenloopTests).
        #expect(r.personas.first { $0.id == "daan" }?.verschil_cent == euro("6.219,44"))
    }

    @Test func monthlySettlementRemovesFatimasShockButNotKeesYearlyOne() throws {
        let r = try report("maandelijkse_verrekening")
        // The settlement is one event: a recovery in one go (disproportioneel), also an income shock.
        let shock = try #require(r.blijvend.first { $0.id == "disproportioneel-terugvordering" })
        #expect(shock.voor_personas == ["Fatima", "Kees"])
        #expect(shock.personas == ["Kees"], "the self-employed are still settled from the tax return, a year later")
        // Over the months her total stays the same; only the timing changes.
        #expect(r.personas.first { $0.id == "fatima" }?.verschil_cent == 0)
    }
}
