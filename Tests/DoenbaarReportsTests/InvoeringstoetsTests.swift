import Foundation
import DoenbaarAnalysis
import DoenbaarCore
@testable import DoenbaarReports
import DoenbaarTesting
import Testing

/// The bundled reforms do what they are for, and the invoeringstoets says so:
/// their effect first, the knelpunten in categories, intents a reform adds
/// tested against the baseline too, knelpunten gone because an obligation
/// lapsed marked as such; several reforms against one baseline run.
@Suite struct InvoeringstoetsTests {
    typealias R = InvoeringstoetsRapport

    /// The reforms compared in one go, with the number of analyses it took.
    static func compare(_ folders: [String]) throws -> (report: R, analyses: Int) {
        let book = try RuleBook.bundled()
        var reforms: [Invoeringstoets.Hervormd] = []
        for folder in folders {
            let loaded = try ReformLoader.load(reform: folder, baseline: ["\(RuleBook.packageRoot)/Rules"], sources: SourceManager())
            let rules = try #require(loaded.ruleSet, "\(loaded.diagnostics.errors.map(\.message))")
            reforms.append(.init(reform: try #require(loaded.reform), ruleSet: rules))
        }
        let personas = try book.allPersonas()
        var analyses = 0
        let report = try Invoeringstoets.compare(baselineRules: book.ruleSet, baselinePaths: ["\(RuleBook.packageRoot)/Rules"],
                                                 personas: personas, reforms: reforms) { evaluator in
            analyses += 1
            let analyzer = try Analyzer(evaluator: evaluator)
            return try personas.compactMap { try analyzer.analyze($0) }
        }
        return (report, analyses)
    }

    /// The three bundled reforms, compared once for all the tests that read them.
    static let bundled = Result { try compare(["calamiteitenverlof", "geen_fictieve_ww", "maandelijkse_verrekening"]
        .map { "\(RuleBook.packageRoot)/Rules/hervormingen/\($0)" }) }

    /// Reforms written for these tests (in a temporary folder) and the test fixtures, in one go.
    static let written = Result { () throws -> (report: R, analyses: Int) in
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("invoeringstoets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ name: String, _ text: String) throws -> String {
            let folder = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: folder.appendingPathComponent("\(name).regels"), atomically: true, encoding: .utf8)
            return folder.path
        }
        // The calamity leave, but from 2026: Omer's stay abroad is in 2023, Samira's in 2025.
        let later = try write("calamiteitenverlof", try String(contentsOfFile: "\(RuleBook.packageRoot)/Rules/hervormingen/calamiteitenverlof/calamiteitenverlof.regels",
                                                               encoding: .utf8).replacingOccurrences(of: "geldig vanaf 2023-01-01", with: "geldig vanaf 2026-01-01"))
        // Drops the calamity intent (Rules/ww/buitenland.regels).
        let lapsed = try write("zonder_bedoeling", """
            hervorming zonder_bedoeling "Zonder bedoeling over overmacht"
              bron "Testhervorming"
              vervalt geen_verlies_bij_overmacht
            regeling WW "Werkloosheidswet"
            """)
        // Two intents of its own: one the baseline can be tested against, one that reads what only the reform declares.
        let intents = try write("nieuwe_bedoelingen", """
            hervorming nieuwe_bedoelingen "Twee nieuwe bedoelingen"
              bron "Testhervorming"
            regeling WW "Werkloosheidswet"

            definitie alleen_hier "Alleen in de hervorming": ja/nee per dag
              bron "Testhervorming"
              = niet in_buitenland

            bedoeling overmacht_opnieuw "Geen verlies bij overmacht, opnieuw vastgelegd"
              bron "Testhervorming"
              tekst "Wie buiten zijn schuld in het buitenland vastzit, houdt zijn WW (opnieuw vastgelegd)."
              per dag
              geldt als ww_loopt en weekdag en in_buitenland en (reden_verblijf = calamiteit of calamiteit_bij_verblijf)
              eis recht_ondanks_buitenland

            bedoeling alleen_in_hervorming "Een bedoeling over iets nieuws"
              bron "Testhervorming"
              tekst "Wat alleen de hervorming kent, geldt voor wie WW heeft."
              per dag
              geldt als ww_loopt
              eis alleen_hier of in_buitenland
            """)
        let fixtures = "\(RuleBook.packageRoot)/Tests/DoenbaarCoreTests/Fixtures/hervormingen"
        return try compare([later, lapsed, intents, "\(fixtures)/inkomen_uit_polis", "\(fixtures)/vaste_boete_verblijf"])
    }

    func reform(_ name: String, in result: Result<(report: R, analyses: Int), any Error>) throws -> R.Vergelijking {
        try #require(try result.get().report.hervormingen.first { $0.hervorming.naam == name })
    }

    // MARK: Several reforms, one baseline

    @Test func threeReformsAnalyseTheBaselineOnce() throws {
        let (report, analyses) = try Self.bundled.get()
        // Once for the baseline and once per reform.
        #expect(analyses == 1 + 3)
        #expect(report.hervormingen.map(\.hervorming.naam) == ["calamiteitenverlof", "geen_fictieve_ww", "maandelijkse_verrekening"])
        #expect(report.titel == "Invoeringstoets: 3 hervormingen naast elkaar")
        // Every comparison has the same baseline: a knelpunt stands the same before each reform.
        let before = report.hervormingen.map { v in Dictionary(uniqueKeysWithValues: v.knelpunten.compactMap { k in k.voor.map { (k.id, $0) } }) }
        #expect(before[0] == before[1] && before[1] == before[2])
        // Side by side: one column per reform in each table of both renderings.
        let markdown = InvoeringstoetsMarkdown.render(report)
        #expect(markdown.contains("| Knelpunt | Huidige regels | Calamiteitenverlof in de WW | Geen verrekening van een geweigerde WW met de Wajong | Maandelijkse verrekening van inkomen in de Wajong |"))
        #expect(markdown.contains("| Bedoeling | Huidige regels | Calamiteitenverlof in de WW | Geen verrekening"))
        #expect(InvoeringstoetsHTML.render(report).components(separatedBy: "<th scope=\"col\">Maandelijkse verrekening van inkomen in de Wajong</th>").count - 1 == 3)
    }

    @Test func theWrittenReformsAlsoShareOneBaselineRun() throws {
        #expect(try Self.written.get().analyses == 1 + 5)
    }

    // MARK: The effect first

    @Test func calamityLeaveLeadsWithWhoChangesTheMoneyPerYearAndTheArticles() throws {
        let v = try reform("calamiteitenverlof", in: Self.bundled)
        #expect(v.effect.personas == ["Omer", "Samira"] && v.effect.personen == 550)
        // Omer keeps € 1.953,00 more in 2023 (WWAbroadTests), Samira € 1.155,00 in March 2025 (DetectorTests),
        // times the 150 and 400 people they stand for; the benefit paid is all of it.
        let y2023 = try #require(v.effect.jaren.first { $0.jaar == 2023 }), y2025 = try #require(v.effect.jaren.first { $0.jaar == 2025 })
        #expect(y2023.uitkeringslasten_cent == 150 * euro("1.953,00") && y2023.netto_inkomen_cent == 150 * euro("1.953,00"))
        #expect(y2025.uitkeringslasten_cent == 400 * euro("1.155,00") && y2025.netto_inkomen_cent == 400 * euro("1.155,00"))
        #expect(v.effect.jaren.filter { $0.jaar != 2023 && $0.jaar != 2025 }.allSatisfy { $0.uitkeringslasten_cent == 0 && $0.netto_inkomen_cent == 0 })
        // The replaced definition by its label and article; the added ones too.
        let replaced = try #require(v.artikelen.first { $0.wijziging == "vervangen" })
        #expect(replaced.label == "Recht op WW tijdens verblijf buiten Nederland" && replaced.bron == "Werkloosheidswet art. 19 lid 1 onderdeel e, zoals gewijzigd door het voorstel calamiteitenverlof")
        #expect(v.artikelen.filter { $0.wijziging == "toegevoegd" }.map(\.naam) == ["calamiteit_meldtermijn", "calamiteitenverlof", "calamiteitenverlof_dagen"])
        // The Markdown says so before any knelpunt.
        let markdown = InvoeringstoetsMarkdown.render(R(titel: "t", hervormingen: [v], werkwijze: []))
        let effect = try #require(markdown.range(of: "## Effect van de hervorming")), knelpunten = try #require(markdown.range(of: "## Knelpunten voor en na"))
        #expect(effect.lowerBound < knelpunten.lowerBound)
        #expect(markdown.contains("Uitkeringslasten per jaar: 2023 + € 292.950 en 2025 + € 462.000."))
        #expect(markdown.contains("Vervangt ‘Recht op WW tijdens verblijf buiten Nederland’; voegt ‘Termijn om een calamiteit te melden’, ‘Calamiteitenverlof (ten hoogste 30 dagen)’ en ‘Dagen calamiteitenverlof per calamiteit’ toe."))
    }

    @Test func aReformThatStartsLaterLeavesTheEarlierMonthsAsTheyWere() throws {
        // Calamity leave from 2026: nothing changes for Omer (2023) or Samira (2025), and the knelpunt remains.
        let v = try reform("calamiteitenverlof", in: Self.written)
        #expect(v.personas.allSatisfy { $0.verschil_cent == 0 }, "\(v.personas.filter { $0.verschil_cent != 0 }.map(\.id))")
        #expect(v.effect.personas.isEmpty)
        #expect(v.knelpunten.first { $0.id == "bedoeling_geschonden-geen_verlies_bij_overmacht" }?.categorie == .blijft)
    }

    // MARK: Categories

    @Test func calamityLeaveSolvesTheIntentAndWorsensNothingItShouldNot() throws {
        let v = try reform("calamiteitenverlof", in: Self.bundled)
        let intent = try #require(v.bedoelingen.first { $0.naam == "geen_verlies_bij_overmacht" })
        #expect(intent.voor.personas == ["Omer", "Samira"] && intent.na.personas.isEmpty && intent.oordeel == "hersteld")
        let solved = try #require(v.knelpunten.first { $0.id == "bedoeling_geschonden-geen_verlies_bij_overmacht" })
        #expect(solved.categorie == .opgelost && solved.voor?.personen == 550 && solved.na == nil)
        #expect(solved.verplichting_vervalt == nil, "the harm is gone: no obligation lapsed")
        #expect(v.knelpunten(.nieuw).isEmpty)
        // Omer keeps his WW, so his unreported stay now costs entitlement the capacity gap counts: more money, fewer people.
        let stay = try #require(v.knelpunten.first { $0.id == "doenvermogenskloof-verblijf_buitenland_melden" })
        #expect(stay.voor?.personen == 3_350 && stay.na?.personen == 3_200 && stay.categorie == .verergerd)
        #expect(stay.titel == "Verblijf in het buitenland doorgeven (WW) vraagt meer doenvermogen dan mensen hebben")
        let unchanged = try #require(v.knelpunten.first { $0.id == "werken_loont_niet-opbrengst" })
        #expect(unchanged.categorie == .blijft && unchanged.voor == unchanged.na)
    }

    @Test func monthlySettlementReducesTheRecoveryKnelpunt() throws {
        let v = try reform("maandelijkse_verrekening", in: Self.bundled)
        // The settlement is one event: a recovery in one go (disproportioneel), also an income shock.
        let shock = try #require(v.knelpunten.first { $0.id == "disproportioneel-terugvordering" })
        #expect(shock.voor?.personas == ["Fatima", "Kees"])
        #expect(shock.na?.personas == ["Kees"], "the self-employed are still settled from the tax return, a year later")
        #expect(shock.categorie == .verminderd)
        #expect(shock.verplichting_vervalt == nil)
        // Over the months Fatima's total stays the same; only the timing changes.
        #expect(v.personas.first { $0.id == "fatima" }?.verschil_cent == 0)
        #expect(v.effect.personas.contains("Fatima"))
    }

    @Test func noFictitiousWWSolvesDaansChoiceTrap() throws {
        let v = try reform("geen_fictieve_ww", in: Self.bundled)
        // The choice trap (claiming WW) is a lens of the failed intent: the same lost Wajong.
        #expect(v.knelpunten.first { $0.id == "bedoeling_geschonden-samenloop_niet_nadelig" }?.categorie == .opgelost)
        #expect(!v.knelpunten.contains { $0.na != nil && $0.soort_titel == "Keuzeval" })
        // Daan gets the Wajong he would have had without the claim: € 6.219,44 more (SamenloopTests).
        #expect(v.personas.first { $0.id == "daan" }?.verschil_cent == euro("6.219,44"))
    }

    @Test func categoriesFollowPeopleAndMoney() {
        func stand(_ people: Int, _ euros: Int64) -> R.Stand {
            var s = Schade()
            s.boetes_cent = euros * 100
            return R.Stand(personen: people, personas: ["A"], totaal: s)
        }
        let cases: [(R.Stand?, R.Stand?, R.Categorie)] = [
            (stand(1_250, 100), nil, .opgelost), (nil, stand(1, 1), .nieuw),
            (stand(1_250, 100), stand(450, 100), .verminderd), (stand(1_250, 100), stand(1_250, 40), .verminderd),
            (stand(1_250, 100), stand(1_250, 100), .blijft),
            (stand(450, 100), stand(1_250, 100), .verergerd), (stand(1_250, 100), stand(450, 140), .verergerd),
        ]
        for (before, after, expected) in cases {
            #expect(R.Categorie.of(before: before, after: after) == expected, "\(String(describing: before)) -> \(String(describing: after))")
        }
    }

    // MARK: Intents

    @Test func anIntentOnlyTheReformDeclaresIsTestedAgainstTheBaseline() throws {
        let v = try reform("nieuwe_bedoelingen", in: Self.written)
        let again = try #require(v.bedoelingen.first { $0.naam == "overmacht_opnieuw" })
        #expect(again.alleen_in_hervorming)
        // Under the baseline it fails for Omer and Samira, as the intent it repeats; the reform changes nothing.
        #expect(again.voor.getoetst && again.voor.personas == ["Omer", "Samira"] && again.voor.personen == 550)
        #expect(again.na.personas == ["Omer", "Samira"] && again.oordeel == "blijft geschonden")
        // One that reads a definition only the reform has cannot be tested so, and says why.
        let own = try #require(v.bedoelingen.first { $0.naam == "alleen_in_hervorming" })
        #expect(!own.voor.getoetst && own.voor.reden?.contains("pas met de hervorming bestaat") == true)
        #expect(own.na.getoetst && own.oordeel == (own.na.personas.isEmpty ? "gehaald" : "geschonden"))
        let row = InvoeringstoetsMarkdown.render(R(titel: "t", hervormingen: [v], werkwijze: []))
        #expect(row.contains("| Wie buiten zijn schuld in het buitenland vastzit, houdt zijn WW (opnieuw vastgelegd). | (alleen in de hervorming, hier getoetst tegen de huidige regels) geschonden bij Omer en Samira (ongeveer 550 mensen) |"))
        #expect(!row.contains("voor: niemand"))
    }

    @Test func aLapsedIntentIsNotCalledRestored() throws {
        let v = try reform("zonder_bedoeling", in: Self.written)
        let intent = try #require(v.bedoelingen.first { $0.naam == "geen_verlies_bij_overmacht" })
        #expect(intent.voor.personas == ["Omer", "Samira"] && !intent.na.getoetst)
        #expect(intent.oordeel == "vervallen")
        #expect(v.personas.allSatisfy { $0.verschil_cent == 0 })
    }

    // MARK: Knelpunten gone because an obligation lapsed

    @Test func aKnelpuntGoneBecauseItsObligationLapsedIsFlagged() throws {
        // From April 2025 UWV takes income from the polisadministratie: reporting income (WW) lapses.
        let v = try reform("inkomen_uit_polis", in: Self.written)
        let gap = try #require(v.knelpunten.first { $0.id == "doenvermogenskloof-inkomen_melden_ww" })
        #expect(gap.categorie == .verminderd && gap.voor?.personas == ["Bas", "Vera"] && gap.na?.personas == ["Bas"])
        let flag = try #require(gap.verplichting_vervalt)
        #expect(flag.naam == "inkomen_melden_ww" && flag.personas == ["Vera"] && flag.label == "‘Inkomen doorgeven (WW)’")
        // Vera's income does not change: the harm may well still be there.
        #expect(flag.netto_verschil_cent == 0)
        #expect(flag.uitleg.hasPrefix("Verdwenen bij Vera omdat de verplichting ‘Inkomen doorgeven (WW)’ voor Vera niet meer geldt, niet omdat het nadeel weg is"))
        #expect(!flag.uitleg.contains("inkomen_melden_ww"))
        #expect(InvoeringstoetsMarkdown.render(R(titel: "t", hervormingen: [v], werkwijze: [])).contains("**Let op: verdwenen doordat een verplichting vervalt.**"))
    }

    @Test func aReplacedObligationThatStillAppliesIsNotFlagged() throws {
        // A fixed fine instead of half the overpayment: the obligation itself still applies, nothing is flagged.
        let v = try reform("vaste_boete_verblijf", in: Self.written)
        #expect(v.knelpunten.allSatisfy { $0.verplichting_vervalt == nil })
        #expect(v.knelpunten.first { $0.id == "doenvermogenskloof-verblijf_buitenland_melden" }?.categorie != .opgelost)
    }

    // MARK: Labels, not identifiers

    @Test func headingsAndProseUseLabelsNotIdentifiers() throws {
        let (report, _) = try Self.bundled.get()
        let markdown = InvoeringstoetsMarkdown.render(report)
        // Identifiers only inside code spans.
        let outsideCode = markdown.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        for identifier in ["recht_ondanks_buitenland", "verblijf_buitenland_melden", "inkomen_melden_wajong", "aardbeving_turkije_syrie",
                           "geen_verlies_bij_overmacht", "calamiteitenverlof_dagen", "maandelijkse_verrekening", "geen_fictieve_ww"] {
            #expect(!outsideCode.contains(identifier), "\(identifier)")
        }
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(!headings.contains { $0.contains("_") }, "\(headings.filter { $0.contains("_") })")
    }
}
