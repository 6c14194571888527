import DoenbaarCore
import Testing

/// A discretion point's scope (`geldt als`) is worked out per month of a run.
@Suite struct DiscretionScopeTests {
    @Test func theScopeHoldsInTheMonthsItSaysAndNotElsewhere() throws {
        let rules = """
        regeling T "Testwet"
        uitkering U "Testuitkering"
          bron "Testwet art. 1"
        regel u
          bron "Testwet art. 2"
          uitkomst U per maand
          = € 10,00
        beleidsruimte zomerregeling
          bron "Testwet art. 3"
          bij u
          geldt als maand(peildatum) >= 6 en maand(peildatum) <= 8
          tekst "Alleen in de zomer."
        beleidsruimte altijd
          bron "Testwet art. 4"
          bij u
          tekst "Altijd."
        """
        let ruleSet = try Engine.ruleSet(rules)
        let run = try Evaluator(plan: Plan(ruleSet)).run(persona(), from: month("2025-05"), to: month("2025-09"))
        #expect(run.months.map { $0.discretionsInScope.map { ruleSet.discretions[$0].name } } == [[], ["zomerregeling"], ["zomerregeling"], ["zomerregeling"], []])
    }
}
