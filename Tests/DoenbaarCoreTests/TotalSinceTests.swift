import DoenbaarCore
import Testing

/// `totaal_sinds(waarde per maand, datum)`: a running total from the month of
/// a date that runs on across the turn of the year, and the warning where
/// `totaal_dit_jaar` (which starts again every 1 January) is compared with a
/// bound only a count across years can reach.
@Suite struct TotalSinceTests {
    static let rules = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    parameter maximale_duur: getal
      bron "Testwet art. 2"
      vanaf 2020-01-01 = 24
    """

    @Test func theCountRunsOnAcrossTheTurnOfTheYear() throws {
        let rules = Self.rules + """

        regel per_maand_sinds_november
          bron "Testwet art. 3"
          uitkomst U per maand
          = € 10,00 * totaal_sinds(peildatum >= 2024-11-01, 2024-11-01)
        """
        // November 2024 is the first month counted: 1, December 2, and on across 1 January:
        // January 3, February 4 (x € 10,00). totaal_dit_jaar would give 1 in January.
        let run = try Engine.run(rules, persona(), from: "2024-11", to: "2025-02")
        #expect(run.paid("U", "2024-11") == 1_000)
        #expect(run.paid("U", "2024-12") == 2_000)
        #expect(run.paid("U", "2025-01") == 3_000)
        #expect(run.paid("U", "2025-02") == 4_000)
    }

    @Test func amountsAddUpFromTheMonthOfTheDate() throws {
        let rules = Self.rules + """

        regel opgeteld
          bron "Testwet art. 3"
          uitkomst U per maand
          = totaal_sinds(€ 5,00, 2024-12-15)
        """
        // December 2024 (the month of 15 December), January and February: 3 x € 5,00.
        let run = try Engine.run(rules, persona(), from: "2024-11", to: "2025-02")
        #expect(run.paid("U", "2024-11") == 0, "before the date nothing is counted")
        #expect(run.paid("U", "2025-02") == 1_500)
    }

    @Test func aDateBeforeTheFirstMonthComputedIsAnErrorNotAZero() {
        let rules = Self.rules + """

        regel te_vroeg
          bron "Testwet art. 3"
          uitkomst U per maand
          = € 10,00 * totaal_sinds(peildatum >= 2024-11-01, 2024-11-01)
        """
        #expect {
            try Engine.run(rules, persona(), from: "2025-01", to: "2025-01")
        } throws: { error in
            "\((error as? Evaluator.RunError).map { "\($0.diagnostic.message)" } ?? "")".contains("vóór de eerste doorgerekende maand (januari 2025)")
        }
    }

    @Test func itCountsWholeMonthsOnly() {
        let perDay = Engine.diagnostics(Self.rules + """

        definitie d: dagen per dag
          bron "Testwet art. 3"
          = totaal_sinds(weekdag, 2024-11-01)
        """)
        #expect(perDay.contains { $0.message.contains("totaal_sinds telt hele maanden op en hoort in een berekening per maand") })
        let notADate = Engine.diagnostics(Self.rules + """

        definitie d: getal per maand
          bron "Testwet art. 3"
          = totaal_sinds(peildatum >= 2024-11-01, 5)
        """)
        #expect(notADate.contains { $0.message.contains("het tweede argument moet een datum zijn") })
    }

    @Test func aYearTotalComparedWithMoreThanAYearIsWarnedAbout() {
        let diagnostics = Engine.diagnostics(Self.rules + """

        definitie maanden_met_recht: getal per maand
          bron "Testwet art. 3"
          = totaal_dit_jaar(peildatum >= 2024-01-01)

        definitie duur_voorbij: ja/nee per maand
          bron "Testwet art. 4"
          = maanden_met_recht > maximale_duur
        """)
        let warning = diagnostics.first { $0.id == .yearTotal }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("totaal_dit_jaar begint op 1 januari weer bij nul en telt hoogstens 12 maanden, maar 'duur_voorbij' vergelijkt het met parameter 'maximale_duur' (tot 24)") == true, "\(diagnostics.map(\.message))")
        #expect(warning?.suggestion?.contains("totaal_sinds") == true)
    }

    @Test func aYearTotalWithinAYearIsNoWarning() {
        // Vacation days per calendar year (Vakantieregeling WW art. 2) are meant to start again.
        let diagnostics = Engine.diagnostics(Self.rules + """

        definitie dagen_dit_jaar: dagen per dag
          bron "Testwet art. 3"
          = totaal_dit_jaar(weekdag)

        definitie binnen_het_jaar: ja/nee per dag
          bron "Testwet art. 4"
          = dagen_dit_jaar <= 20 dagen
        """)
        #expect(!diagnostics.contains { $0.id == .yearTotal }, "\(diagnostics.map(\.message))")
    }

    @Test func theBundledRulesHaveNoYearTotalAcrossYears() throws {
        let loaded = try RuleLoader.load([RobustnessTests.packageRoot.path + "/Rules"], sources: SourceManager())
        #expect(!loaded.diagnostics.all.contains { $0.id == .yearTotal })
    }
}
