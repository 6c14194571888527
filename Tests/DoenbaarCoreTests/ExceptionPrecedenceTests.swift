import DoenbaarCore
import Testing

/// Two exceptions on one target need a precedence only when it matters: when
/// they give different values. The same value, however written, needs none.
@Suite struct ExceptionPrecedenceTests {
    /// A rule paying € 100 a month, and two exceptions on it from February and from March,
    /// so that both hold from March on.
    static func rules(_ first: String, _ second: String) -> String {
        """
        regeling T "Testwet"
        uitkering U "Testuitkering"
          bron "Testwet art. 1"
        parameter basisbedrag: bedrag
          bron "Testwet art. 2"
          vanaf 2024-01-01 = € 100,00
        regel u
          bron "Testwet art. 3"
          uitkomst U per maand
          = basisbedrag
        uitzondering vanaf_februari op u
          bron "Testwet art. 4"
          als maand(peildatum) >= 2
          = \(first)
        uitzondering vanaf_maart op u
          bron "Testwet art. 5"
          als maand(peildatum) >= 3
          = \(second)
        """
    }

    @Test(arguments: [("€ 0", "0 euro"), ("€ 0,00", "€ 0"), ("basisbedrag / 2", "basisbedrag / 2"),
                      ("min(basisbedrag, € 40)", "min(basisbedrag, 40,00 euro)")])
    func twoExceptionsWithTheSameValueNeedNoPrecedence(_ first: String, _ second: String) throws {
        let run = try Engine.run(Self.rules(first, second), persona(), from: "2025-01", to: "2025-04")
        // January the rule, € 100; from February one exception or both, with the same value.
        let value = run.paid("U", "2025-02")
        #expect(run.paid("U", "2025-01") == 10_000)
        #expect(value != 10_000)
        #expect(run.paid("U", "2025-03") == value && run.paid("U", "2025-04") == value)
    }

    @Test(arguments: [("€ 0", "€ 5"), ("basisbedrag / 2", "basisbedrag * 50%"), ("basisbedrag", "€ 100,00")])
    func twoExceptionsWithDifferentValuesStillNeedAPrecedence(_ first: String, _ second: String) throws {
        // Values are compared as written expressions, checked: `basisbedrag * 50%` computes the
        // same as `basisbedrag / 2`, and `basisbedrag` is € 100 today, but not by construction.
        let diagnostics = Engine.diagnostics(Self.rules(first, second)).filter { $0.severity == .error }
        #expect(diagnostics.map(\.id) == [.conflictingRules])
        #expect(diagnostics.first?.message == "'vanaf_maart' en 'vanaf_februari' zijn allebei een uitzondering op 'u' zonder onderlinge voorrang")
        #expect(diagnostics.first?.suggestion == "laat de specifiekere uitzondering gelden 'op vanaf_februari'")
        #expect(diagnostics.first?.notes.first?.message == "andere uitzondering op 'u'")
    }

    @Test func aThirdExceptionWithAnotherValueConflictsWithTheFirst() throws {
        let text = Self.rules("€ 0", "€ 0") + """

        uitzondering vanaf_april op u
          bron "Testwet art. 6"
          als maand(peildatum) >= 4
          = € 7,00
        """
        let errors = Engine.diagnostics(text).filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["'vanaf_april' en 'vanaf_februari' zijn allebei een uitzondering op 'u' zonder onderlinge voorrang"])
    }
}
