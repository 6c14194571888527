import DoenbaarCore
import Foundation
import Testing

/// A reform with `geldig vanaf`: the baseline holds before the start, the
/// reform from it, within one run.
@Suite struct ReformFromDateTests {
    static let baseline = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    uitkering V "Toeslag"
      bron "Testwet art. 5"
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
    regel toeslag
      bron "Testwet art. 5"
      uitkomst V per maand
      = € 10,00
    """

    func run(_ reform: String, on baseline: String = baseline, from: String = "2024-11", to: String = "2025-02") throws -> [Int64] {
        let (loaded, sources) = try loadReform(baseline: baseline, reform: reform)
        guard let rules = loaded.ruleSet else {
            throw RuleTextError(rendered: DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all))
        }
        let r = try Evaluator(plan: Plan(rules)).run(persona(), from: month(from), to: month(to))
        return r.months.map { $0.totalCents }
    }

    @Test func aReplacedDefinitionHoldsFromTheStartAndTheBaselineBefore() throws {
        // Baseline: € 100 + € 10 = € 110 a month; from 1 January 2025 the reform doubles the € 100.
        let paid = try run("""
        hervorming dubbel "Dubbel vanaf 2025"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervangt hoogte
        regeling T "Testwet"
        definitie hoogte: bedrag per maand
          bron "Voorstel art. 2"
          = basisbedrag * 2
        """)
        #expect(paid == [11_000, 11_000, 21_000, 21_000])
    }

    @Test func aReformParameterWithoutAValueBeforeTheStartIsNoErrorForEarlierMonths() throws {
        // The reform's factor starts in 2025; the months of 2024 run on the baseline and never read it.
        let paid = try run("""
        hervorming factor "Factor vanaf 2025"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervangt hoogte
        regeling T "Testwet"
        parameter factor: getal
          bron "Voorstel art. 2"
          vanaf 2025-01-01 = 3
        definitie hoogte: bedrag per maand
          bron "Voorstel art. 3"
          = basisbedrag * factor
        """)
        #expect(paid == [11_000, 11_000, 31_000, 31_000])
    }

    @Test func aReplacedParameterKeepsItsBaselineValuesBeforeTheStart() throws {
        let paid = try run("""
        hervorming hoger "Hoger basisbedrag"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervangt basisbedrag
        regeling T "Testwet"
        parameter basisbedrag: bedrag
          bron "Voorstel art. 2"
          vanaf 2024-01-01 = € 150,00
        """)
        // The reform's value in force on the start (dated 2024) holds from the start only.
        #expect(paid == [11_000, 11_000, 16_000, 16_000])
    }

    @Test func aLapsingRuleAndAnAddedRuleChangeOnlyFromTheStart() throws {
        let paid = try run("""
        hervorming anders "Toeslag wordt bonus"
          bron "Voorstel art. 1"
          geldig vanaf 2025-02-01
          vervalt toeslag
        regeling T "Testwet"
        uitkering B "Bonus"
          bron "Voorstel art. 2"
        regel bonus
          bron "Voorstel art. 2"
          uitkomst B per maand
          = € 25,00
        """)
        // Before February 2025: € 100 + € 10; from February: € 100 + € 25.
        #expect(paid == [11_000, 11_000, 11_000, 12_500])
    }

    @Test func aLapsedParameterStillServesTheBaselinesVersionBeforeTheStart() throws {
        // The baseline's hoogte reads basisbedrag until 2025; the reform's does not, and drops it.
        let paid = try run("""
        hervorming vast "Vast bedrag"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervangt hoogte
          vervalt basisbedrag
        regeling T "Testwet"
        definitie hoogte: bedrag per maand
          bron "Voorstel art. 2"
          = € 150,00
        """)
        #expect(paid == [11_000, 11_000, 16_000, 16_000])
    }

    @Test func aLapsedExceptionHoldsUntilTheStart() throws {
        // In the baseline December pays € 50 more (Testwet art. 6); the reform drops that from 2025.
        let withDecember = Self.baseline + """

        uitzondering december op u
          bron "Testwet art. 6"
          als maand(peildatum) = 12
          = hoogte + € 50,00
        """
        let reform = """
        hervorming geen_decemberbonus "Geen decemberbonus"
          bron "Voorstel art. 1"
          geldig vanaf 2025-01-01
          vervalt december
        regeling T "Testwet"
        """
        #expect(try run(reform, on: withDecember, from: "2024-11", to: "2025-12") ==
                [11_000, 16_000] + Array(repeating: 11_000, count: 12))
        // Without the reform, December 2025 pays the bonus too.
        #expect(try run(reform.replacingOccurrences(of: "vervalt december", with: ""), on: withDecember, from: "2025-12", to: "2025-12") == [16_000])
    }

    @Test func aReformWithoutAStartDateReplacesFromTheBeginning() throws {
        let paid = try run("""
        hervorming altijd "Dubbel"
          bron "Voorstel art. 1"
          vervangt hoogte
        regeling T "Testwet"
        definitie hoogte: bedrag per maand
          bron "Voorstel art. 2"
          = basisbedrag * 2
        """)
        #expect(paid == [21_000, 21_000, 21_000, 21_000])
    }
}
