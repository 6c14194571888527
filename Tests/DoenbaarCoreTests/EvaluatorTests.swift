import DoenbaarCore
import Testing

/// The engine's mechanics on small rule texts: dated parameters, rounding,
/// exceptions, two-time facts, running totals, obligations and intents.
@Suite struct EvaluatorTests {
    static let header = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"

    """ + testFacts

    @Test func aParameterTakesTheValueInForceOnEachDay() throws {
        let rules = Self.header + """
        parameter dagbedrag: bedrag
          bron "Testwet art. 2"
          vanaf 2025-01-01 = € 10,00
          vanaf 2025-07-01 = € 20,00
        regel u_per_dag
          bron "Testwet art. 3"
          uitkomst U per dag
          als weekdag
          = dagbedrag
        """
        let run = try Engine.run(rules, persona(), from: "2025-06", to: "2025-07")
        // June 2025 has 21 weekdays at € 10; July 2025 has 23 weekdays at € 20.
        let june = run.paid("U", "2025-06"), july = run.paid("U", "2025-07")
        #expect(june == Int64(21 * 1000))
        #expect(july == Int64(23 * 2000))
    }

    @Test func amountsAreRoundedToCentsAsDeclared() throws {
        let rules = Self.header + """
        regel half
          bron "Testwet art. 3"
          uitkomst U per maand
          = € 0,125 + € 0,0001 * 0
        """
        let down = rules.replacingOccurrences(of: "  uitkomst U per maand", with: "  uitkomst U per maand\n  afronding naar beneden")
        // Half a cent rounds away from zero by default, and down when the rule says so.
        #expect(try Engine.run(rules, persona(), from: "2025-01", to: "2025-01").paid("U", "2025-01") == 13)
        #expect(try Engine.run(down, persona(), from: "2025-01", to: "2025-01").paid("U", "2025-01") == 12)
    }

    @Test func theMostSpecificApplicableExceptionDecides() throws {
        let rules = Self.header + """
        regel basis
          bron "Testwet art. 3"
          uitkomst U per maand
          = € 100,00
        uitzondering met_inkomen op basis
          bron "Testwet art. 4"
          als inkomen > € 0
          = € 50,00
        uitzondering hoog_inkomen op met_inkomen
          bron "Testwet art. 5"
          als inkomen > € 1000,00
          = € 0
        """
        var p = persona()
        let known = Knowledge(reported: date("2025-01-01"))
        p.records = [income("2025-02", "500", Knowledge(reported: date("2025-02-01"))),
                     income("2025-03", "2000", Knowledge(reported: date("2025-03-01")))]
        _ = known
        let run = try Engine.run(rules, p, from: "2025-01", to: "2025-03")
        #expect(run.paid("U", "2025-01") == 10_000)
        #expect(run.paid("U", "2025-02") == 5_000)
        #expect(run.paid("U", "2025-03") == 0)
        let notes = run.month(month("2025-03"))!.benefit("U")!.trace.children.first?.notes ?? []
        let decidedBy = notes.compactMap { note -> String? in
            if case .decidedByException(let name, _, _) = note { return name } else { return nil }
        }
        #expect(decidedBy == ["hoog_inkomen"], "the trace names the exception that decided: \(notes)")
    }

    @Test func incomeLearntLaterBecomesARecoveryInTheMonthItIsKnown() throws {
        let rules = Self.header + """
        regel aanvulling
          bron "Testwet art. 3"
          uitkomst U per maand
          = € 1000,00 - inkomen * 70%
        """
        var p = persona()
        // March income reaches the register on 10 May.
        p.records = [income("2025-03", "500", Knowledge(register: date("2025-05-10")))]
        let run = try Engine.run(rules, p, from: "2025-03", to: "2025-05")
        // Decided on what was known then: nothing about March's income until May.
        #expect(run.paid("U", "2025-03") == 100_000)
        #expect(run.paid("U", "2025-04") == 100_000)
        let may = run.month(month("2025-05"))!.benefit("U")!
        // 70% of € 500 is € 350 paid too much for March, recovered in May.
        #expect(may.corrections.count == 1)
        #expect(may.corrections.first?.forMonth == month("2025-03"))
        #expect(may.corrections.first?.cents == -35_000)
        #expect(may.corrections.first?.kind == "terugvordering")
    }

    @Test func aRunningTotalStartsAgainOnTheFirstOfJanuary() throws {
        let rules = Self.header + """
        definitie werkdagen_dit_jaar: dagen per dag
          bron "Testwet art. 2"
          = totaal_dit_jaar(weekdag)
        regel eerste_vijf
          bron "Testwet art. 3"
          uitkomst U per dag
          als weekdag en werkdagen_dit_jaar <= 5 dagen
          = € 1,00
        """
        let run = try Engine.run(rules, persona(), from: "2024-12", to: "2025-01")
        #expect(run.paid("U", "2024-12") == 0)
        #expect(run.paid("U", "2025-01") == 500)
    }

    @Test func aMonthlyRuleAddsUpDailyValues() throws {
        let rules = Self.header + """
        definitie dagdeel: bedrag per dag
          bron "Testwet art. 2"
          = als weekdag dan € 2,50 anders € 0
        definitie telling: dagen per maand
          bron "Testwet art. 2"
          = aantal_dagen(weekdag)
        regel per_maand
          bron "Testwet art. 3"
          uitkomst U per maand
          als telling > 20 dagen
          = som_in_maand(dagdeel)
        """
        let run = try Engine.run(rules, persona(), from: "2025-02", to: "2025-03")
        // February 2025 has 20 weekdays (not more than 20: nothing), March 2025 has 21 (21 x € 2,50).
        #expect(run.paid("U", "2025-02") == 0)
        #expect(run.paid("U", "2025-03") == 5250)
    }

    @Test func aMissedObligationIsFinedOncePerEpisodeWhenTheAgencyLearnsOfIt() throws {
        let rules = Self.header + """
        regel basis
          bron "Testwet art. 3"
          uitkomst U per maand
          = € 100,00
        verplichting verblijf_melden
          bron "Testwet art. 6"
          per dag
          geldt als in_buitenland
          nagekomen als verblijf_gemeld
          termijn 1 dag vooraf
          vraagt plannen
          gevolg boete € 75,00
        """
        var p = persona()
        // Abroad from 20 March to 10 April, never reported; discovered on 3 May.
        p.records = [stay("2025-03-20", "2025-04-10", Knowledge(register: date("2025-05-03")))]
        let run = try Engine.run(rules, p, from: "2025-03", to: "2025-06")
        let fines = run.months.flatMap { m in m.fines.map { (m.month, $0) } }
        #expect(fines.count == 1)
        #expect(fines.first?.0 == month("2025-05"))
        #expect(fines.first?.1.cents == 7500)
        #expect(run.month(month("2025-05"))!.missedObligations.first?.from == date("2025-03-20"))
    }

    @Test func anIntentHoldsOrFailsPerMonthAndIsSilentWhereItDoesNotApply() throws {
        let rules = Self.header + """
        regel aanvulling
          bron "Testwet art. 3"
          uitkomst U per maand
          = max(€ 0, € 1000,00 - inkomen)
        bedoeling werken_loont
          bron "Memorie van toelichting"
          tekst "Wie werkt, houdt er iets aan over."
          per maand
          geldt als inkomen > € 0
          eis U + inkomen > € 1000,00
        """
        var p = persona()
        p.records = [income("2025-02", "400", Knowledge(reported: date("2025-02-01")))]
        let run = try Engine.run(rules, p, from: "2025-01", to: "2025-02")
        #expect(run.month(month("2025-01"))!.intents.first?.holds == nil)
        // Full offsetting: € 600 + € 400 is not more than € 1000, so working did not pay.
        #expect(run.month(month("2025-02"))!.intents.first?.holds == false)
    }

    @Test func readingAFactThePersonaLacksIsAnErrorAtTheDeclaration() throws {
        let rules = Self.header + """
        gegeven ww_dagloon: bedrag
          bron "Testwet art. 2"
        onderdeel ww
          bron "Testwet art. 2"
          veld dagloon ww_dagloon
        regel ww_achtig
          bron "Testwet art. 3"
          uitkomst U per maand
          = ww_dagloon
        """
        #expect(throws: Evaluator.RunError.self) { try Engine.run(rules, persona(), from: "2025-01", to: "2025-01") }
        do {
            _ = try Engine.run(rules, persona(), from: "2025-01", to: "2025-01")
        } catch let error as Evaluator.RunError {
            #expect(error.failure.message.contains("ww_dagloon"))
            // The message says where a persona gives it.
            #expect(error.failure.message.contains("onderdeel 'ww' met 'dagloon'"), "\(error.failure.message)")
            #expect(!error.failure.range.isSynthetic)
        }
    }

    @Test func theSameInputGivesTheSameOutcome() throws {
        let rules = Self.header + """
        regel aanvulling
          bron "Testwet art. 3"
          uitkomst U per dag
          als weekdag en niet feestdag
          = € 12,34
        """
        let a = try Engine.run(rules, persona(), from: "2025-01", to: "2025-12")
        let b = try Engine.run(rules, persona(), from: "2025-01", to: "2025-12")
        #expect(a.months.map { $0.totalCents } == b.months.map { $0.totalCents })
        #expect(a.months.map { $0.benefits[0].trace } == b.months.map { $0.benefits[0].trace })
    }
}
