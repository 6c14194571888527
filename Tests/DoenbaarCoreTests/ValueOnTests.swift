import DoenbaarCore
import Testing

/// `waarde_op(parameter, datum)`: a parameter's value on a given day, not on the day computed.
@Suite struct ValueOnTests {
    static let rules = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    parameter bedrag_per_jaar: bedrag
      bron "Testwet art. 2"
      vanaf 2024-01-01 = € 100,00
      vanaf 2025-01-01 = € 200,00
    """

    @Test func theValueIsTheOneInForceOnTheGivenDay() throws {
        let rules = Self.rules + """

        regel vast_bedrag
          bron "Testwet art. 3"
          uitkomst U per maand
          = waarde_op(bedrag_per_jaar, 2024-06-30)
        """
        // In 2025 the parameter is € 200, but the value on 30 June 2024 stays € 100.
        let run = try Engine.run(rules, persona(), from: "2025-02", to: "2025-02")
        #expect(run.paid("U", "2025-02") == 10_000)
    }

    @Test func theFirstArgumentMustBeAParameterAndTheSecondADate() {
        let notAParameter = Engine.diagnostics(Self.rules + """

        definitie d: bedrag per maand
          bron "Testwet art. 3"
          = waarde_op(€ 5,00, 2024-06-30)
        """)
        #expect(notAParameter.contains { $0.message.contains("het eerste argument moet de naam van een parameter zijn") })
        let notADate = Engine.diagnostics(Self.rules + """

        definitie d: bedrag per maand
          bron "Testwet art. 3"
          = waarde_op(bedrag_per_jaar, 5)
        """)
        #expect(notADate.contains { $0.message.contains("waarde_op verwacht een datum als tweede argument") })
    }

    @Test func aDayBeforeTheFirstValueIsAnErrorAtTheCall() throws {
        let rules = Self.rules + """

        regel te_vroeg
          bron "Testwet art. 3"
          uitkomst U per maand
          = waarde_op(bedrag_per_jaar, 2020-01-01)
        """
        #expect(throws: Evaluator.RunError.self) { try Engine.run(rules, persona(), from: "2025-01", to: "2025-01") }
    }
}
