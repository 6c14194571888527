import DoenbaarCore
import Testing

/// A view takes over from an earlier view every value that does not read the
/// decision date (`Plan.decisionDependent`). A fact's default is part of what
/// reading the fact reads: a default of `beslisdatum` makes every rule that
/// reads the fact depend on the decision date, so each view reads it again.
@Suite struct DecisionDateDefaultTests {
    static let rules = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    gegeven peilmoment: datum
      bron "Testwet art. 2"
      omschrijving "het moment waarop de uitvoerder kijkt"
      standaard = beslisdatum
    regel u
      bron "Testwet art. 3"
      uitkomst U per maand
      = als peilmoment < 2024-04-15 dan € 1,00 anders € 0
    """

    @Test func aDefaultThatReadsTheDecisionDateIsReadAgainInEveryView() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        var alone = Evaluator(plan: plan)
        alone.sharesUnchangedMonths = false
        let shared = try Evaluator(plan: plan).run(persona(), from: month("2024-03"), to: month("2024-05"), trace: false)
        let apart = try alone.run(persona(), from: month("2024-03"), to: month("2024-05"), trace: false)
        // March is decided on 31 March: € 1,00. At the end of April the default is 30 April,
        // so March comes to € 0 and is corrected by - € 1,00 then.
        let april = apart.month(month("2024-04"))?.benefit("U")
        #expect(apart.paid("U", "2024-03") == 100)
        #expect(april?.corrections.map(\.cents) == [-100])
        #expect("\(shared.months)" == "\(apart.months)")
    }
}
