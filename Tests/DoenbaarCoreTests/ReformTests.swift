import DoenbaarCore
import Foundation
import Testing

/// Reforms as a pure transform of the baseline: replace, drop, add; every
/// conflict a diagnostic at its place.
@Suite struct ReformTests {
    static let baseline = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    parameter basisbedrag: bedrag
      bron "Testwet art. 2"
      vanaf 2025-01-01 = € 100,00
    definitie hoogte: bedrag per maand
      bron "Testwet art. 3"
      = basisbedrag
    regel u
      bron "Testwet art. 4"
      uitkomst U per maand
      = hoogte
    definitie ongebruikt: bedrag per maand
      bron "Testwet art. 5"
      = € 1,00
    """

    /// Writes baseline and reform to a temporary folder and loads the reform.
    func load(_ reform: String) throws -> (LoadedReform, SourceManager) {
        try loadReform(baseline: Self.baseline, reform: reform)
    }

    func messages(_ l: LoadedReform) -> [String] { l.diagnostics.errors.map(\.message) }

    @Test func aReformReplacesDropsAndAdds() throws {
        let (loaded, _) = try load("""
        hervorming dubbel "Dubbele uitkering"
          bron "Voorstel art. 1"
          vervangt hoogte
          vervalt ongebruikt
        regeling T "Testwet"
        parameter factor: getal
          bron "Voorstel art. 2"
          vanaf 2025-01-01 = 2
        definitie hoogte: bedrag per maand
          bron "Voorstel art. 3"
          = basisbedrag * factor
        """)
        #expect(messages(loaded).isEmpty, "\(messages(loaded))")
        let rules = try #require(loaded.ruleSet)
        #expect(rules.values.contains { $0.name == "hoogte" && $0.provenance.source == "Voorstel art. 3" })
        #expect(!rules.values.contains { $0.name == "ongebruikt" })
        #expect(loaded.reform?.replaces == ["hoogte"] && loaded.reform?.removes == ["ongebruikt"] && loaded.reform?.adds == ["factor"])
        let p = Persona(id: "p", name: "p", birthDate: CivilDate(year: 1980, month: 1, day: 1)!, weight: 1,
                        capacity: Dictionary(uniqueKeysWithValues: Capacity.allCases.map { ($0, 3) }))
        let run = try Evaluator(plan: Plan(rules)).run(p, from: YearMonth(year: 2025, month: 1), to: YearMonth(year: 2025, month: 1))
        #expect(run.months[0].benefit("U")?.paidCents == 20_000)
    }

    @Test func redeclaringABaselineNameWithoutVervangtIsAnError() throws {
        let (loaded, _) = try load("""
        hervorming stil "Stille vervanging"
          bron "Voorstel"
        regeling T "Testwet"
        definitie hoogte: bedrag per maand
          bron "Voorstel art. 3"
          = € 5,00
        """)
        #expect(loaded.ruleSet == nil)
        #expect(messages(loaded).contains { $0.contains("'hoogte' bestaat al in de basis") })
    }

    @Test func replacingWhatTheBaselineLacksOrNotDeclaringTheReplacementAreErrors() throws {
        let (loaded, _) = try load("""
        hervorming fout "Fout"
          bron "Voorstel"
          vervangt hoogt, ongebruikt
        regeling T "Testwet"
        """)
        #expect(messages(loaded).contains { $0.contains("'hoogt' staat niet in de basis") })
        #expect(messages(loaded).contains { $0.contains("vervangt 'ongebruikt' maar declareert geen nieuwe") })
        let hint = loaded.diagnostics.errors.first { $0.message.contains("'hoogt'") }?.suggestion
        #expect(hint == "bedoelde u 'hoogte'?")
    }

    @Test func droppingWhatOthersStillUseNamesTheReformOnce() throws {
        let (loaded, sources) = try load("""
        hervorming weg "Weg ermee"
          bron "Voorstel"
          vervalt hoogte
        regeling T "Testwet"
        """)
        let rendered = DiagnosticRenderer(sources: sources).render(loaded.diagnostics.errors)
        #expect(rendered.contains("basis.regels:13:5: fout: 'hoogte' vervalt door hervorming 'weg', maar regel 'u' verwijst er nog naar"), "\(rendered)")
        #expect(rendered.contains("voorstel.regels:3:11: noot: hier laat hervorming 'weg' 'hoogte' vervallen"), "\(rendered)")
        // Reported as lapsed, not also as an unknown name.
        #expect(!rendered.contains("onbekende naam"))
        #expect(loaded.diagnostics.errors.count == 1)
    }

    @Test func aFolderWithoutAHeaderIsNoReform() throws {
        let (loaded, _) = try load("""
        regeling T "Testwet"
        definitie extra: bedrag per maand
          bron "Voorstel"
          = € 1,00
        """)
        #expect(messages(loaded).contains { $0.contains("geen hervorming") })
    }
}
