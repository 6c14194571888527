import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Foundation
import Testing

/// What a reform that lifts a discretion point or an obligation changes in the
/// analysis: the rung of the solution ladder, and which obligations the
/// realistic path judges. The test reforms are in
/// Tests/DoenbaarCoreTests/Fixtures/hervormingen, applied to the bundled Rules/.
@Suite struct ReformTargetAnalysisTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    func analyzer(reform: String, detectors: [any Detector] = Detectors.all) throws -> Analyzer {
        let sources = SourceManager()
        let loaded = try ReformLoader.load(reform: "\(RuleBook.packageRoot)/Tests/DoenbaarCoreTests/Fixtures/hervormingen/\(reform)",
                                           baseline: ["\(RuleBook.packageRoot)/Rules"], sources: sources)
        let rules = try #require(loaded.ruleSet, "\(DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all))")
        return try Analyzer(evaluator: Evaluator(plan: Plan(rules)), detectors: detectors)
    }

    /// Elif's stay in Turkey after the 2023 earthquakes (February and March 2023): flipping her
    /// nationality changes the outcome (Rules/tijdelijk/aardbeving_2023.regels). The minister's
    /// power in a disaster, WW art. 19 lid 10 (Rules/ww/buitenland.regels, ramp_buitenland), lies
    /// on the path and the disaster was designated: rung 2, a policy rule (DetectorTests).
    @Test(arguments: [("geen_rampregeling", SolutionRung.lawChange), ("geen_rampregeling_2023", SolutionRung.lawChange),
                      ("geen_rampregeling_2024", SolutionRung.policyRule)])
    func liftingTheDisasterProvisionChangesTheRungWhereItHeld(_ reform: String, _ rung: SolutionRung) throws {
        let elif = try book.persona(named: "elif")
        let before = try Analyzer(evaluator: book.evaluator, detectors: [ProtectedAttributeDetector()]).analyze(elif)?.findings.first
        #expect(before?.rung == .policyRule)
        let after = try #require(try analyzer(reform: reform, detectors: [ProtectedAttributeDetector()]).analyze(elif)?.findings.first)
        // Without a start date, or lifted from 1 January 2023, the discretion point is gone in Elif's
        // months: only a change of the law helps. Lifted from 1 January 2024, it still held then.
        #expect(after.rung == rung, "\(after.solution)")
        #expect((after.solution.discretion?.provision.name == "ramp_buitenland") == (rung == .policyRule))
        #expect(after.harm == before?.harm, "the finding itself does not change, only its rung")
    }

    @Test func aLiftedObligationIsNoLongerJudgedOnTheRealisticPathFromTheStart() throws {
        // Earns € 500 a month in 2025 while on WW; the ideal path reports it shortly after each
        // month, and the realistic path judges each month's duty (inkomen_melden_ww, WW art. 25
        // lid 1) against her doenvermogen. Fixtures/hervormingen/inkomen_uit_polis lifts the duty
        // from 1 April 2025.
        let p = try book.persona(text: """
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
        """)
        let judged = { (a: Analyzer.PersonaAnalysis?) in
            (a?.realisticDecisions ?? []).filter { $0.obligation.name == "inkomen_melden_ww" }.map(\.from)
        }
        let months = ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01"].map { CivilDate(iso: $0)! }
        #expect(judged(try Analyzer(evaluator: book.evaluator).analyze(p)) == months)
        #expect(judged(try analyzer(reform: "inkomen_uit_polis").analyze(p)) == Array(months.prefix(3)))
    }
}
