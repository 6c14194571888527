import DoenbaarCore
import Foundation
import Testing

/// A reform can lift (`vervalt`) or replace (`vervangt`) an obligation, an
/// intent and a discretion point. With `geldig vanaf` the baseline's version
/// holds before the start and the reform's from it.
@Suite struct ReformTargetTests {
    // MARK: On the bundled rules

    static let root = RobustnessTests.packageRoot.path
    static let fixtures = root + "/Tests/DoenbaarCoreTests/Fixtures/hervormingen"

    /// The bundled Rules/, or one of the test reforms in Fixtures/hervormingen applied to them.
    static func rules(reform: String? = nil) throws -> RuleSet {
        let sources = SourceManager()
        let ruleSet: RuleSet?, diagnostics: DiagnosticBag
        if let reform {
            let loaded = try ReformLoader.load(reform: fixtures + "/" + reform, baseline: [root + "/Rules"], sources: sources)
            (ruleSet, diagnostics) = (loaded.ruleSet, loaded.diagnostics)
        } else {
            let loaded = try RuleLoader.load([root + "/Rules"], sources: sources)
            (ruleSet, diagnostics) = (loaded.ruleSet, loaded.diagnostics)
        }
        guard let ruleSet else { throw RuleTextError(rendered: DiagnosticRenderer(sources: sources).render(diagnostics.all)) }
        return ruleSet
    }

    static func run(_ personaText: String, _ rules: RuleSet, from: String, to: String) throws -> PersonaRun {
        let sources = SourceManager()
        let source = SourceFile(path: "<persona>", text: personaText)
        let (persona, diagnostics) = PersonaParser.parse(source, fileID: sources.add(source), id: "test", schema: PersonaSchema(rules))
        guard let persona, !diagnostics.hasErrors else { throw RuleTextError(rendered: DiagnosticRenderer(sources: sources).render(diagnostics.all)) }
        return try Evaluator(plan: Plan(rules)).run(persona, from: month(from), to: month(to))
    }

    /// WW from 1 January 2025 at a dagloon of € 100: maandloon 21,75 x € 100 = € 2.175
    /// (WW art. 1b lid 2 onderdeel a). Each month of January to June she earns € 500,
    /// which her employer passes to the polisadministratie on the 8th of the next month,
    /// before UWV decides on the 10th (Rules/ww/uitkering.regels, `beslist 10 dagen na de
    /// maand`); she never reports it herself.
    static let earnsAndNeverReports = """
    persona "Polis"
      geboren 1980-01-01
      gewicht 1
      doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
    ww
      ingang 2025-01-01
      dagloon € 100,00
      arbeidsverleden 10 jaar
    inkomen 2025-01 € 500,00 polis 2025-02-08
    inkomen 2025-02 € 500,00 polis 2025-03-08
    inkomen 2025-03 € 500,00 polis 2025-04-08
    inkomen 2025-04 € 500,00 polis 2025-05-08
    inkomen 2025-05 € 500,00 polis 2025-06-08
    inkomen 2025-06 € 500,00 polis 2025-07-08
    """

    @Test func aLiftedObligationIsFinedBeforeTheStartAsInTheBaselineAndNeverFromIt() throws {
        // Fixtures/hervormingen/inkomen_uit_polis lifts inkomen_melden_ww (WW art. 25 lid 1, art. 27a)
        // from 1 April 2025, with the discretion point that softened its fine.
        let baseline = try Self.run(Self.earnsAndNeverReports, try Self.rules(), from: "2025-01", to: "2025-07")
        let reformed = try Self.run(Self.earnsAndNeverReports, try Self.rules(reform: "inkomen_uit_polis"), from: "2025-01", to: "2025-07")

        // The payments do not change: WW art. 47 lid 1 onderdeel a, 75% x (€ 2.175 - € 500) = € 1.256,25
        // in January and February; onderdeel b, 70% x € 1.675 = € 1.172,50 from March; July without
        // income 70% x € 2.175 = € 1.522,50. The polis was in before each decision: nothing paid too much.
        let paid: [Int64] = [125_625, 125_625, 117_250, 117_250, 117_250, 117_250, 152_250]
        #expect(baseline.months.map { $0.benefit("WW")?.paidCents } == paid)
        #expect(reformed.months.map { $0.benefit("WW")?.paidCents } == paid)

        // Baseline: each month's duty is judged when its deadline (a month after) has passed, so the
        // income of January is fined in February, and so on: without detriment the fixed € 150
        // (Boetebesluit socialezekerheidswetten art. 2 lid 11), February to July.
        let fines = { (run: PersonaRun) in run.months.map { $0.fines.reduce(Int64(0)) { $0 + $1.cents } } }
        #expect(fines(baseline) == [0, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000])
        // Reform: the duties of January to March arose before 1 April and are fined as before (March's
        // in April); from April there is no duty, so no fine and no missed obligation.
        #expect(fines(reformed) == [0, 15_000, 15_000, 15_000, 0, 0, 0])
        let missed = reformed.months.flatMap(\.missedObligations)
        #expect(missed.map(\.from) == [date("2025-01-01"), date("2025-02-01"), date("2025-03-01")])
        #expect(reformed.months.flatMap(\.obligationsDue).allSatisfy { $0.from < date("2025-04-01") })
        // Before the start the reform's run is the baseline's, to the cent.
        #expect(zip(baseline.months, reformed.months).prefix(4).allSatisfy { $0.totalCents == $1.totalCents })
    }

    @Test func aLiftedObligationWithoutAStartDateIsGoneFromTheBeginning() throws {
        let (loaded, sources) = try loadReform(baseline: Self.syntheticBaseline, reform: """
        hervorming geen_meldplicht "Geen meldplicht"
          bron "Voorstel art. 1"
          vervalt inkomen_melden, boete_matigen
        regeling T "Testwet"
        """)
        let rules = try #require(loaded.ruleSet, "\(DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all))")
        #expect(rules.obligations.isEmpty && rules.discretions.isEmpty)
        let run = try Evaluator(plan: Plan(rules)).run(Self.earner(), from: month("2024-11"), to: month("2025-03"))
        #expect(run.months.allSatisfy { $0.fines.isEmpty && $0.missedObligations.isEmpty && $0.obligationsDue.isEmpty })
    }

    /// An unreported stay abroad for family in April and one in July 2025, both discovered on
    /// 15 August. No right to WW on those days (WW art. 19 lid 1 onderdeel e): each month,
    /// 70% x 21,75 x € 100 = € 1.522,50 (WW art. 47 lid 1 onderdeel b), is recovered in August.
    static let twoUnreportedStays = """
    persona "Verblijf"
      geboren 1980-01-01
      gewicht 1
      doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
    ww
      ingang 2025-01-01
      dagloon € 100,00
      arbeidsverleden 10 jaar
    verblijf 2025-04-01 tot en met 2025-04-30 reden familie land MA ontdekt 2025-08-15
    verblijf 2025-07-01 tot en met 2025-07-31 reden familie land MA ontdekt 2025-08-15
    """

    @Test func aReplacedObligationHasTheReformsFineFromTheStartAndTheBaselinesBefore() throws {
        // Fixtures/hervormingen/vaste_boete_verblijf: from 1 July 2025 the fine for an unreported
        // stay (verblijf_buitenland_melden) is a fixed € 100 instead of 50% of the detriment.
        let baseline = try Self.run(Self.twoUnreportedStays, try Self.rules(), from: "2025-01", to: "2025-09")
        let reformed = try Self.run(Self.twoUnreportedStays, try Self.rules(reform: "vaste_boete_verblijf"), from: "2025-01", to: "2025-09")
        let august = try #require(reformed.month(month("2025-08")))
        #expect(august.benefit("WW")?.corrections.map(\.cents) == [-152_250, -152_250])
        // Baseline: each stay 50% x € 1.522,50 = € 761,25 (Boetebesluit socialezekerheidswetten art. 2 lid 4).
        #expect(baseline.month(month("2025-08"))?.fines.map(\.cents) == [76_125, 76_125])
        // Reform: April's stay, before the start, as in the baseline; July's the fixed € 100, cited
        // from the reform's version of the obligation.
        #expect(august.fines.map(\.cents) == [76_125, 10_000])
        #expect(august.fines.map(\.obligation) == ["verblijf_buitenland_melden", "verblijf_buitenland_melden"])
        #expect(august.fines[0].source.contains("Boetebesluit socialezekerheidswetten art. 2 lid 4"))
        #expect(august.fines[1].source.contains("testhervorming"))
        // The detriment is recovered all the same: totals differ by € 761,25 - € 100 = € 661,25.
        #expect(august.totalCents - baseline.month(month("2025-08"))!.totalCents == 66_125)
    }

    // MARK: On a small baseline

    static let syntheticBaseline = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    parameter basisbedrag: bedrag
      bron "Testwet art. 2"
      vanaf 2024-01-01 = € 100,00
    definitie hoogte: bedrag per maand
      bron "Testwet art. 3"
      = basisbedrag
    regel u
      bron "Testwet art. 4"
      uitkomst U per maand
      = hoogte
    verplichting inkomen_melden
      bron "Testwet art. 5"
      per maand
      geldt als inkomen > € 0
      nagekomen als inkomen_gemeld
      vraagt plannen
      melding inkomen
      gevolg boete € 50,00
    beleidsruimte boete_matigen
      bron "Testwet art. 6"
      bij inkomen_melden
      soort maatwerk
      geldt als inkomen > € 0
      tekst "De uitvoerder kan de boete matigen."
    bedoeling genoeg
      bron "Testwet art. 7"
      tekst "Iedereen krijgt ten minste € 100."
      per maand
      eis U >= € 100,00
    """ + testFacts

    /// € 10 of income every month from November 2024 to March 2025, known at once, never reported.
    static func earner() -> Persona {
        var p = persona()
        p.records = ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03"].map { income($0, "10", Knowledge(register: month($0).first)) }
        return p
    }

    func run(_ reform: String) throws -> PersonaRun { try runWithRules(reform).run }

    func runWithRules(_ reform: String) throws -> (run: PersonaRun, rules: RuleSet) {
        let (loaded, sources) = try loadReform(baseline: Self.syntheticBaseline, reform: reform)
        guard let rules = loaded.ruleSet else { throw RuleTextError(rendered: DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all)) }
        return (try Evaluator(plan: Plan(rules)).run(Self.earner(), from: month("2024-11"), to: month("2025-03")), rules)
    }

    @Test func aLiftedObligationWithAStartDateAppliesUntilTheStart() throws {
        let (run, rules) = try runWithRules("""
        hervorming geen_meldplicht "Geen meldplicht vanaf 2025"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervalt inkomen_melden, boete_matigen
        regeling T "Testwet"
        """)
        // November and December 2024 are fined € 50 (Testwet art. 5), 2025 is not.
        #expect(run.months.map { $0.fines.map(\.cents) } == [[5_000], [5_000], [], [], []])
        // The discretion point is in scope while it exists, before the start.
        #expect(run.months.map { $0.discretionsInScope.map { rules.discretions[$0].name } } == [["boete_matigen"], ["boete_matigen"], [], [], []])
    }

    @Test func aReplacedIntentIsTestedAsTheBaselineBeforeTheStartAndAsTheReformFromIt() throws {
        let run = try run("""
        hervorming strenger "Strengere bedoeling"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervangt genoeg
        regeling T "Testwet"
        bedoeling genoeg
          bron "Voorstel art. 2"
          tekst "Iedereen krijgt ten minste € 150."
          per maand
          eis U >= € 150,00
        """)
        // U pays € 100 a month: the baseline's € 100 holds in 2024, the reform's € 150 fails in 2025.
        let outcomes = run.months.map { $0.intents.filter { $0.intent == "genoeg" } }
        #expect(outcomes.allSatisfy { $0.count == 1 }, "one outcome per intent and month, not one per version")
        #expect(outcomes.map { $0.first?.holds } == [true, true, false, false, false])
        #expect(outcomes.map { $0.first?.source } == ["Testwet art. 7", "Testwet art. 7", "Voorstel art. 2", "Voorstel art. 2", "Voorstel art. 2"])
    }

    @Test func aLiftedIntentIsNoLongerTested() throws {
        let dated = try run("""
        hervorming zonder_bedoeling "Zonder bedoeling vanaf 2025"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervalt genoeg
        regeling T "Testwet"
        """)
        #expect(dated.months.map { $0.intents.first { $0.intent == "genoeg" }?.holds } == [true, true, nil, nil, nil])
        let always = try run("""
        hervorming zonder_bedoeling "Zonder bedoeling"
          bron "Voorstel art. 1"
          vervalt genoeg
        regeling T "Testwet"
        """)
        #expect(always.months.allSatisfy { $0.intents.isEmpty })
    }

    @Test func aReplacedDiscretionPointHasItsOwnScopeFromTheStart() throws {
        let (loaded, sources) = try loadReform(baseline: Self.syntheticBaseline, reform: """
        hervorming ruimer "Ruimere matiging"
          bron "Voorstel art. 1"
          geldig vanaf 2025-02-01
          vervangt boete_matigen
        regeling T "Testwet"
        beleidsruimte boete_matigen
          bron "Voorstel art. 2"
          bij inkomen_melden
          soort beleidsregel
          tekst "Een beleidsregel zegt wanneer de boete lager is."
        """)
        let rules = try #require(loaded.ruleSet, "\(DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all))")
        // Two versions of one name: the baseline's (maatwerk) until February, the reform's from it.
        let versions = rules.discretions.filter { $0.name == "boete_matigen" }
        #expect(versions.map(\.kind) == [.tailoring, .policyRule])
        #expect(versions.map(\.validity) == [Validity(from: nil, until: date("2025-02-01")), Validity(from: date("2025-02-01"), until: nil)])
        #expect(versions.allSatisfy { $0.obligations.map { rules.obligations[$0].name } == ["inkomen_melden"] })
        let run = try Evaluator(plan: Plan(rules)).run(Self.earner(), from: month("2024-11"), to: month("2025-03"))
        // The baseline's scope (income above € 0) holds until January; the reform's version has none.
        // The outcome names the version by index: the baseline's maatwerk, not the reform's.
        #expect(run.months.map { $0.discretionsInScope.map { rules.discretions[$0].kind } } == [[.tailoring], [.tailoring], [.tailoring], [], []])
    }

    @Test func aReplacedObligationKeepsTheBaselinesFineBeforeTheStart() throws {
        let run = try run("""
        hervorming hogere_boete "Hogere boete"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervangt inkomen_melden
        regeling T "Testwet"
        verplichting inkomen_melden
          bron "Voorstel art. 2"
          per maand
          geldt als inkomen > € 0
          nagekomen als inkomen_gemeld
          vraagt plannen
          melding inkomen
          gevolg boete € 80,00
        """)
        #expect(run.months.map { $0.fines.map(\.cents) } == [[5_000], [5_000], [8_000], [8_000], [8_000]])
        #expect(run.months.map { $0.fines.first?.source } == ["Testwet art. 5", "Testwet art. 5", "Voorstel art. 2", "Voorstel art. 2", "Voorstel art. 2"])
    }

    // MARK: What still refers to a lifted declaration

    func diagnostics(_ reform: String) throws -> (LoadedReform, String) {
        let (loaded, sources) = try loadReform(baseline: Self.syntheticBaseline, reform: reform)
        return (loaded, DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all))
    }

    @Test func aDiscretionPointCoveringALiftedObligationIsAnErrorAtItsLineWithTheVervaltLineAsNote() throws {
        for start in ["", "  geldig vanaf 2025-01-01\n"] {
            let (loaded, rendered) = try diagnostics("""
            hervorming geen_meldplicht "Geen meldplicht"
              bron "Voorstel art. 1"
            \(start)  vervalt inkomen_melden
            regeling T "Testwet"
            """)
            #expect(loaded.ruleSet == nil)
            let error = try #require(loaded.diagnostics.errors.first)
            #expect(loaded.diagnostics.errors.count == 1, "\(rendered)")
            #expect(error.id == .removedByReform)
            #expect(error.message == "'inkomen_melden' vervalt door hervorming 'geen_meldplicht', maar beleidsruimte 'boete_matigen' verwijst er nog naar")
            #expect(error.notes.first?.message == "hier laat hervorming 'geen_meldplicht' 'inkomen_melden' vervallen")
            #expect(rendered.contains("basis.regels:24:7: fout:"), "\(rendered)")
            #expect(rendered.contains("voorstel.regels:\(start.isEmpty ? 3 : 4):11: noot:"), "\(rendered)")
        }
    }

    @Test func aRuleReadingALiftedObligationIsAnErrorNamingTheReform() throws {
        let (loaded, rendered) = try diagnostics("""
        hervorming geen_meldplicht "Geen meldplicht"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervalt inkomen_melden, boete_matigen
        regeling T "Testwet"
        uitkering B "Bonus"
          bron "Voorstel art. 2"
        regel bonus
          bron "Voorstel art. 2"
          uitkomst B per maand
          = als inkomen_melden dan € 10,00 anders € 0
        """)
        #expect(loaded.diagnostics.errors.map(\.id) == [.removedByReform], "\(rendered)")
        #expect(rendered.contains("voorstel.regels:11:9: fout: 'inkomen_melden' vervalt door hervorming 'geen_meldplicht', maar regel 'bonus' verwijst er nog naar"), "\(rendered)")
        #expect(loaded.diagnostics.errors.first?.suggestion == "laat 'inkomen_melden' niet vervallen, of verwijs er in regel 'bonus' niet meer naar")
    }

    @Test func anObligationIsReplacedOnlyByAnObligation() throws {
        let (loaded, rendered) = try diagnostics("""
        hervorming anders "Anders"
          bron "Voorstel art. 1"
          vervangt inkomen_melden
        regeling T "Testwet"
        definitie inkomen_melden: ja/nee per maand
          bron "Voorstel art. 2"
          = nee
        """)
        #expect(loaded.ruleSet == nil)
        #expect(rendered.contains("fout: 'inkomen_melden' is in de basis een verplichting, maar de hervorming declareert een definitie 'inkomen_melden'"), "\(rendered)")
        #expect(rendered.contains("noot: 'inkomen_melden' in de basis"))
    }
}
